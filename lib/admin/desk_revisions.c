/* desk_revisions.c: earlier versions of posts, events and text pages: the list, a restore in one click, the script's autosave. */
#include <string.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "http/response.h"
#include "store/events.h"
#include "store/posts.h"
#include "store/revisions.h"
#include "store/sessions.h"
#include "store/textpages.h"
#include "util/timefmt.h"
#include "util/utf8.h"
#include "util/valid.h"

#define TITLE_MAX 200
#define TEXT_MAX 60000

/* One item whose revisions are shown or restored. */
struct item {
	const char *type;          /* "post", "event", "page" */
	long long id;
	const char *title, *author, *excerpt, *body_md;  /* as stored now */
	const char *edit_href, *list_href, *nav, *noun;
	long long version;
};

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "autosave") == 0)
		return "Autosparat utkast";
	if (strcmp(kind, "restore") == 0)
		return "Före en återställning";
	return "Sparad version";
}

int admin_keep_revision(struct req *r, const char *item_type, long long item_id,
    const char *kind, const char *title, const char *author, const char *excerpt,
    const char *body_md)
{
	struct revision rv = {
		.item_type = item_type, .item_id = item_id, .kind = kind, .title = title,
		.author = author, .excerpt = excerpt, .body_md = body_md,
		.user_name = r->session ? r->session->name : "",
	};

	return db_revision_add(r->db, &rv, r->session ? r->session->user_id : 0);
}

void admin_revisions_link(struct req *r, tdict *d, const char *item_type, long long item_id,
    const char *href)
{
	tdict *a = tdict_section(d, "AUTOSAVE");

	tdict_set(tdict_section(d, "REVISIONS"), "HREF", href);
	tdict_set(a, "TYPE", item_type);
	tdict_set(a, "ID", arena_printf(r->a, "%lld", item_id));
}

/* Loads item type/id as stored now. Returns 1, 0 not found, -1 error. */
static int load_item(struct req *r, const char *type, long long id, struct item *it)
{
	int rc = 0;

	memset(it, 0, sizeof *it);
	it->type = type;
	it->id = id;
	if (strcmp(type, "post") == 0) {
		struct post p;

		if ((rc = db_post_by_id(r->db, r->a, id, &p, &it->version)) == 1) {
			it->title = p.title;
			it->author = p.author;
			it->excerpt = p.excerpt;
			it->body_md = p.body_md;
			it->edit_href = arena_printf(r->a, "/admin/nyheter/%lld", id);
			it->list_href = arena_printf(r->a, "/admin/nyheter/versioner/%lld", id);
			it->nav = "/admin/nyheter";
			it->noun = "nyheten";
		}
	} else if (strcmp(type, "event") == 0) {
		struct event_edit x;
		struct event e;

		if ((rc = db_event_by_id(r->db, r->a, id, &e, &x)) == 1) {
			it->title = e.title;
			it->body_md = x.description_md;
			it->version = x.version;
			it->edit_href = arena_printf(r->a, "/admin/evenemang/%lld", id);
			it->list_href = arena_printf(r->a, "/admin/evenemang/versioner/%lld", id);
			it->nav = "/admin/evenemang";
			it->noun = "evenemanget";
		}
	} else if (strcmp(type, "page") == 0) {
		const char *slug = db_page_slug(r->db, r->a, id);
		struct text_page p;

		if (slug != NULL && (rc = db_text_page_edit(r->db, r->a, slug, &p, &it->version)) == 1) {
			it->title = p.title;
			it->body_md = p.body_md;
			it->edit_href = arena_printf(r->a, "/admin/sidor/%s", slug);
			it->list_href = arena_printf(r->a, "/admin/sidor/versioner/%s", slug);
			it->nav = "/admin/sidor";
			it->noun = "sidan";
		}
	}
	return rc;
}

/* The list of revisions of one item. */
static void show_revisions(struct req *r, const char *type, long long id)
{
	struct revision *rv;
	struct item it;
	char when[64];
	long long n, i;
	time_t t;
	tdict *d;
	int rc = id > 0 ? load_item(r, type, id, &it) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "revisions of %s %s", type, r->arg);
		return;
	}
	if ((n = db_revisions_of(r->db, r->a, type, id, &rv)) < 0) {
		resp_error(r, 500, "revisions: database");
		return;
	}
	d = admin_begin(r, "admin_revisions.tpl", "Tidigare versioner", it.nav);
	tdict_set(d, "ITEM_TITLE", it.title);
	tdict_set(d, "BACK", it.edit_href);
	tdict_set(d, "NOUN", it.noun);
	tdict_set_int(d, "KEEP", REVISIONS_KEEP);
	tdict_show(d, n ? "HAS_REVISIONS" : "NO_REVISIONS");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "REVISION");

		when[0] = '\0';
		if (time_parse_utc(rv[i].saved_at, &t) == 0)
			time_format_datetime_sv(t, when, sizeof when);
		tdict_set(row, "WHEN", when);
		tdict_set(row, "WHO", rv[i].user_name[0] ? rv[i].user_name : "okänd");
		tdict_set(row, "KIND", kind_label(rv[i].kind));
		tdict_set(row, "TITLE", rv[i].title);
		tdict_set(row, "BODY", rv[i].body_md);
		tdict_set(row, "ACTION", arena_printf(r->a, "/admin/versioner/aterstall/%lld", rv[i].id));
		tdict_set_int(row, "N", i + 1);
	}
	page_end(r, 200);
}

void page_admin_post_revisions(struct req *r)
{
	show_revisions(r, "post", admin_arg_id(r));
}

void page_admin_event_revisions(struct req *r)
{
	show_revisions(r, "event", admin_arg_id(r));
}

void page_admin_page_revisions(struct req *r)
{
	long long id = r->arg ? db_page_id(r->db, r->arg) : 0;

	show_revisions(r, "page", id > 0 ? id : 0);
}

/* Writes the text of rv over it (stored at it->version). Returns 1, 0 when
 * the item changed meanwhile, -1 error. */
static int write_text(struct req *r, const struct item *it, const struct revision *rv)
{
	if (strcmp(it->type, "post") == 0) {
		struct post p;
		struct post_input in;
		long long v;

		if (db_post_by_id(r->db, r->a, it->id, &p, &v) != 1)
			return -1;
		in = (struct post_input){ .title = rv->title, .author = rv->author,
			.excerpt = rv->excerpt, .body_md = rv->body_md, .status = p.status,
			.category_id = p.category_id };
		if (time_parse_utc(p.published_at, &in.published_at) < 0)
			return -1;
		return db_post_update(r->db, it->id, it->version, &in);
	}
	if (strcmp(it->type, "event") == 0) {
		struct event_edit x;
		struct event e;
		struct event_input in;

		if (db_event_by_id(r->db, r->a, it->id, &e, &x) != 1)
			return -1;
		in = (struct event_input){ .title = rv->title, .kind = e.kind, .status = e.status,
			.all_day = e.all_day, .online = e.online, .start = e.start, .end = e.end,
			.venue = e.venue, .town = e.town, .join_url = e.join_url,
			.description_md = rv->body_md, .registration_url = e.registration_url,
			.registration_until = e.registration_until[0] ? e.registration_until : NULL,
			.programme_url = e.programme_url };
		return db_event_update(r->db, it->id, it->version, &in);
	}
	return db_text_page_update(r->db, it->edit_href + strlen("/admin/sidor/"), it->version,
	    rv->title, rv->body_md);
}

void page_admin_revision_restore(struct req *r)
{
	long long id = admin_arg_id(r);
	struct revision rv;
	struct item it;
	int rc = id ? db_revision_by_id(r->db, r->a, id, &rv) : 0;

	if (rc == 1)
		rc = load_item(r, rv.item_type, rv.item_id, &it);
	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "restore revision %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0)
		goto fail;
	rc = admin_keep_revision(r, it.type, it.id, "restore", it.title, it.author, it.excerpt,
	    it.body_md) < 0 ? -1 : write_text(r, &it, &rv);
	if (rc == 1 && (admin_audit(r, "restore", it.type, it.id, rv.title) < 0 ||
	    db_commit(r->db) < 0))
		rc = -1;
	if (rc != 1) {
		db_rollback(r->db);
		goto fail;
	}
	resp_redirect(r, arena_printf(r->a, "%s?klart=4", it.edit_href));
	return;
fail:
	resp_error(r, 500, "restore revision %lld", id);
}

/* A posted text field of the autosave: valid UTF-8, at most max characters. */
static const char *autosave_text(struct req *r, const char *name, size_t max)
{
	const char *v = req_form(r, name);
	size_t n;

	if (v == NULL)
		return "";
	v = form_normalize_newlines(r->a, v);
	n = strlen(v);
	if (!utf8_text_ok(v, n, true) || utf8_chars(v, n) > max)
		return NULL;
	return v;
}

/* True when the texts equal those of the item as stored or of its newest
 * revision: nothing new to keep. */
static bool nothing_new(struct req *r, const struct item *it, const char *title,
    const char *body)
{
	struct revision *rv;

	if (strcmp(it->title, title) == 0 && strcmp(it->body_md, body) == 0)
		return true;
	return db_revisions_of(r->db, r->a, it->type, it->id, &rv) > 0 &&
	    strcmp(rv[0].title, title) == 0 && strcmp(rv[0].body_md, body) == 0;
}

/* The editor's script sends the draft every 30 s: kept as an "autosave"
 * revision (never changing what readers see). Answers 204, or an error. */
void page_admin_autosave(struct req *r)
{
	const char *type = req_form(r, "type"), *id_s = req_form(r, "id");
	const char *title = autosave_text(r, "title", TITLE_MAX);
	const char *body = autosave_text(r, "body", TEXT_MAX);
	const char *author = autosave_text(r, "author", TITLE_MAX);
	const char *excerpt = autosave_text(r, "excerpt", 300);
	struct item it;
	long long id = 0;
	int rc;

	if (type == NULL || id_s == NULL || title == NULL || body == NULL || author == NULL ||
	    excerpt == NULL || !valid_int(id_s, 1, 1LL << 53, &id) ||
	    (strcmp(type, "post") && strcmp(type, "event") && strcmp(type, "page"))) {
		resp_error(r, 400, "autosave: bad form");
		return;
	}
	if ((rc = load_item(r, type, id, &it)) <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "autosave %s %lld", type, id);
		return;
	}
	if (!nothing_new(r, &it, title, body) &&
	    admin_keep_revision(r, type, id, "autosave", title, strcmp(type, "post") ? NULL : author,
	    strcmp(type, "post") ? NULL : excerpt, body) < 0) {
		resp_error(r, 500, "autosave %s %lld", type, id);
		return;
	}
	resp_send(r, 204, "text/plain; charset=utf-8", "", 0);
}
