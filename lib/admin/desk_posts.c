/* desk_posts.c: editing news posts: list, new, edit, preview, schedule, delete. */
#include <stdlib.h>
#include <string.h>

#include "admin/form.h"
#include "admin/admin.h"
#include "admin/editor.h"
#include "store/audit.h"
#include "site/auth.h"
#include "util/markdown.h"
#include "store/media.h"
#include "store/posts.h"
#include "http/response.h"
#include "util/timefmt.h"
#include "util/valid.h"

#define PER_PAGE 25
#define TITLE_MAX 200
#define AUTHOR_MAX 100
#define EXCERPT_MAX_CHARS 300
#define BODY_MAX 60000

enum { IN_Q, IN_STATUS, IN_PAGE, IN_DONE };
const struct field admin_posts_fields[] = {
	{ "q", F_TEXT, 0, 200 },
	{ "status", F_TEXT, 0, 20 },
	{ "sida", F_INT, 1, 1000000 },
	{ "klart", F_INT, 1, 4 },
	{ NULL, F_INT, 0, 0 },
};

static const char *const filter_labels[] = { "Utkast", "Schemalagda", "Publicerade", NULL };
/* The buttons: a draft is saved, published now or at the time given (past:
 * backdated, future: scheduled); a public or scheduled post is updated with
 * its date kept (or the one given) or, by its own button, unpublished. */
static const char *const actions[] = { "draft", "publish", "schedule", "update",
	"unpublish", "preview", NULL };
static const char *const done_text[] = { "", "Sparat.", "Nyheten är skapad.", "Nyheten är raderad.",
	"Versionen är återställd. Texten före återställningen finns kvar bland versionerna." };

/* What the post form holds after reading. */
struct post_form {
	struct post_input in;
	const char *action;
	long long version;
	long long featured;      /* the featured image (media id), 0: none */
};

/* Sets the publication date and time fields from a stored UTC time. */
static void set_publish_fields(tdict *d, const char *utc)
{
	char buf[16];
	struct tm tm;
	time_t t;

	if (time_parse_utc(utc, &t) < 0 || localtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	tdict_set(d, "PUBLISH_DATE", buf);
	strftime(buf, sizeof buf, "%H:%M", &tm);
	tdict_set(d, "PUBLISH_TIME", buf);
}

/* "14 mars 2024 kl. 09.00" of a stored UTC time, for lists. */
static const char *local_time(struct req *r, const char *utc)
{
	char buf[64];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return "";
	time_format_datetime_sv(t, buf, sizeof buf);
	return arena_strdup(r->a, buf);
}

/* The post id in r->arg, or 0 when it is not a number. */
static long long arg_id(struct req *r)
{
	long long id;

	return r->arg && valid_int(r->arg, 1, 1LL << 53, &id) ? id : 0;
}

void page_admin_posts(struct req *r)
{
	const char *q = r->in[IN_Q].set ? r->in[IN_Q].s : "";
	const char *filter = r->in[IN_STATUS].set ? r->in[IN_STATUS].s : "";
	long long page = r->in[IN_PAGE].set ? r->in[IN_PAGE].i : 1, pages;
	char now[TIME_UTC_LEN];
	struct post_page pp;
	size_t i;
	tdict *d;

	for (i = 0; filter[0] && post_filters[i] && strcmp(filter, post_filters[i]); i++)
		;
	if (filter[0] && post_filters[i] == NULL)
		filter = "";
	if (db_posts_admin(r->db, r->a, q, filter, page, PER_PAGE, &pp) < 0) {
		resp_error(r, 500, "admin posts: database");
		return;
	}
	db_now(now);
	d = admin_begin(r, "admin_posts.tpl", "Nyheter", "/admin/nyheter");
	tdict_set(d, "Q", q);
	form_options(d, "FILTER", (const char *const *)post_filters, filter_labels, filter);
	if (r->in[IN_DONE].set)
		tdict_set(tdict_section(d, "DONE"), "TEXT", done_text[r->in[IN_DONE].i]);
	tdict_show(d, pp.count ? "HAS_POSTS" : "EMPTY");
	for (i = 0; i < pp.count; i++) {
		const struct post *p = &pp.items[i];
		tdict *row = tdict_section(d, "POST");

		tdict_set(row, "HREF", arena_printf(r->a, "/admin/nyheter/%lld", p->id));
		tdict_set(row, "TITLE", p->title);
		tdict_set(row, "STATE", post_state_label(p->status, p->published_at, now));
		tdict_set(row, "PUBLISHED", strcmp(p->status, "draft") ? local_time(r, p->published_at) : "–");
		tdict_set(row, "UPDATED", local_time(r, p->updated_at));
	}
	pages = (pp.total + PER_PAGE - 1) / PER_PAGE;
	if (pages > 1) {
		tdict *pager = tdict_section(d, "PAGER");
		const char *base = arena_printf(r->a, "/admin/nyheter?status=%s&sida=", filter);

		tdict_set_int(pager, "PAGE", page);
		tdict_set_int(pager, "PAGES", pages);
		if (q[0] == '\0' && page > 1)
			tdict_set(tdict_section(pager, "NEWER"), "HREF", arena_printf(r->a, "%s%lld", base, page - 1));
		if (q[0] == '\0' && page < pages)
			tdict_set(tdict_section(pager, "OLDER"), "HREF", arena_printf(r->a, "%s%lld", base, page + 1));
	}
	page_end(r, 200);
}

/* Fills the featured image select with the library's images. Returns 0 or -1. */
static int featured_options(struct req *r, tdict *d, long long current)
{
	return admin_media_options(r, d, "FEATURED_OPTION", false, current);
}

/* Fills the category select, with current selected. Returns 0 or -1. */
static int category_options(struct req *r, tdict *d, long long current)
{
	struct category *c;
	size_t i, n;

	if (db_categories_all(r->db, r->a, &c, &n) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		tdict *o = tdict_section(d, "OPTION");

		tdict_set_int(o, "VALUE", c[i].id);
		tdict_set(o, "LABEL", c[i].name);
		if (c[i].id == current)
			tdict_show(o, "SELECTED");
	}
	return 0;
}

/* True when category id exists (0, none, is fine). */
static bool category_exists(struct req *r, long long id)
{
	struct category *c;
	size_t i, n;

	if (id == 0)
		return true;
	if (db_categories_all(r->db, r->a, &c, &n) < 0)
		return false;
	for (i = 0; i < n && c[i].id != id; i++)
		;
	return i < n;
}

/* Starts the form page for post id (0: new); is_public: the stored post is
 * published or scheduled, so it gets "Uppdatera" and "Avpublicera" instead of
 * the draft's buttons. */
static tdict *form_page(struct req *r, long long id, const char *heading, bool is_public)
{
	tdict *d = admin_begin(r, "admin_post_form.tpl", heading, "/admin/nyheter");

	tdict_set(d, "HEADING", heading);
	tdict_set(d, "FORM_URL", id ? arena_printf(r->a, "/admin/nyheter/%lld", id) : "/admin/nyheter/ny");
	tdict_show(d, is_public ? "PUBLIC_BUTTONS" : "DRAFT_BUTTONS");
	if (id)
		admin_revisions_link(r, d, "post", id,
		    arena_printf(r->a, "/admin/nyheter/versioner/%lld", id));
	if (id)
		tdict_set(tdict_section(d, "DELETE"), "HREF",
		    arena_printf(r->a, "/admin/nyheter/radera/%lld", id));
	return d;
}

/* Shows the state line of a stored post. */
static void show_state(struct req *r, tdict *d, const struct post *p)
{
	char now[TIME_UTC_LEN];
	const char *label;
	tdict *s = tdict_section(d, "STATE");

	db_now(now);
	label = post_state_label(p->status, p->published_at, now);
	tdict_set(s, "LABEL", label);
	if (strcmp(label, "Publicerad") == 0)
		tdict_set(tdict_section(s, "PUBLIC"), "HREF", arena_printf(r->a, "/nyheter/%s", p->slug));
}

void page_admin_post_new(struct req *r)
{
	tdict *d = form_page(r, 0, "Ny nyhet", false);

	tdict_set(d, "VERSION", "1");
	tdict_set(d, "AUTHOR", r->session->name);
	if (category_options(r, d, 0) < 0 || featured_options(r, d, 0) < 0) {
		resp_error(r, 500, "categories");
		return;
	}
	page_end(r, 200);
}

void page_admin_post_edit(struct req *r)
{
	struct media featured;
	long long id = arg_id(r), version;
	struct post p;
	int rc = id ? db_post_by_id(r->db, r->a, id, &p, &version) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "admin post %s", r->arg);
		return;
	}
	d = form_page(r, id, "Redigera nyhet", strcmp(p.status, "published") == 0);
	if (r->in[IN_DONE].set)
		tdict_set(tdict_section(d, "SAVED"), "TEXT", done_text[r->in[IN_DONE].i]);
	show_state(r, d, &p);
	tdict_set_int(d, "VERSION", version);
	tdict_set(d, "TITLE", p.title);
	tdict_set(d, "AUTHOR", p.author);
	tdict_set(d, "EXCERPT", p.excerpt);
	tdict_set(d, "BODY", p.body_md);
	set_publish_fields(d, p.published_at);
	if (category_options(r, d, p.category_id) < 0 || featured_options(r, d,
	    db_media_featured(r->db, r->a, id, &featured) == 1 ? featured.id : 0) < 0) {
		resp_error(r, 500, "categories");
		return;
	}
	page_end(r, 200);
}

/* Reads and checks the posted fields into pf; messages go to f. */
static bool read_post_form(struct req *r, struct form *f, struct post_form *pf)
{
	long long cat;
	bool when_ok;
	time_t when;

	memset(pf, 0, sizeof *pf);
	pf->in.title = form_text(f, "title", "TITLE", "Rubriken", TITLE_MAX, FF_REQUIRED);
	pf->in.author = form_text(f, "author", "AUTHOR", "Författaren", AUTHOR_MAX, 0);
	pf->in.excerpt = form_text(f, "excerpt", "EXCERPT", "Ingressen", EXCERPT_MAX_CHARS, 0);
	pf->in.body_md = form_text(f, "body", "BODY", "Texten", BODY_MAX, FF_MULTILINE);
	if (form_int(f, "category", "CATEGORY", "Kategorin", 0, 1LL << 53, 0, &cat) &&
	    !category_exists(r, cat))
		form_error(f, "CATEGORY", "Den valda kategorin finns inte längre. Välj en annan.");
	pf->in.category_id = cat;
	if (form_int(f, "featured", "FEATURED", "Bilden", 0, 1LL << 53, 0, &pf->featured) &&
	    db_media_kind_ok(r->db, r->a, pf->featured, false) != 1)
		form_error(f, "FEATURED", "Den valda bilden finns inte längre. Välj en annan.");
	when_ok = form_date_time(f, "publish_date", "PUBLISH_DATE", "publish_time", "PUBLISH_TIME",
	    "Publiceringsdagen", 0, &when) >= 0;
	pf->in.published_at = when;
	pf->action = form_choice(f, "action", "BUTTON", "knappen", actions, FF_REQUIRED);
	form_version(f, &pf->version);
	if (pf->action && strcmp(pf->action, "schedule") == 0 && when_ok && when == 0)
		form_error(f, "PUBLISH_DATE", "Ange en publiceringsdag: en dag framåt schemalägger "
		    "nyheten, en tid bakåt ger den ett tidigare datum.");
	return form_ok(f);
}

/* Sets status and time from the button. A public post never becomes a draft
 * except by "unpublish", and keeps its date unless another one is given;
 * "publish" on a draft is now; "schedule" takes the time given, past or
 * future. */
static void apply_action(struct post_form *pf, const struct post *old)
{
	time_t now = time(NULL), before = 0;
	bool was_public = old != NULL && strcmp(old->status, "published") == 0;
	const char *a = pf->action;

	if (old != NULL)
		time_parse_utc(old->published_at, &before);
	if (before && pf->in.published_at / 60 == before / 60)
		pf->in.published_at = before;  /* the field shows minutes only */
	if (was_public && (strcmp(a, "draft") == 0 || strcmp(a, "publish") == 0))
		a = "update";
	if (strcmp(a, "schedule") == 0) {
		pf->in.status = "published";
	} else if (strcmp(a, "publish") == 0) {
		pf->in.status = "published";
		pf->in.published_at = now;
	} else if (strcmp(a, "unpublish") == 0) {
		pf->in.status = "draft";
		if (pf->in.published_at == 0)
			pf->in.published_at = before ? before : now;
	} else {
		pf->in.status = was_public ? "published" : "draft";
		if (pf->in.published_at == 0)
			pf->in.published_at = before ? before : now;
	}
}

/* The audit word of a save: what changed for the reader. */
static const char *audit_action(const struct post_form *pf, const struct post *old)
{
	bool was_public = old != NULL && strcmp(old->status, "published") == 0;

	if (strcmp(pf->in.status, "published") != 0)
		return was_public ? "unpublish" : old ? "update" : "create";
	if (pf->in.published_at > time(NULL))
		return "schedule";
	return was_public ? "update" : "publish";
}

/* Shows the post as the public will see it above the form. */
static void show_preview(struct req *r, tdict *d, const struct post_form *pf)
{
	char *html = md_to_html(pf->in.body_md, strlen(pf->in.body_md));
	char date[64];
	tdict *p = tdict_section(d, "PREVIEW");
	struct media img;
	struct category *c;
	size_t i, n;

	time_format_date_sv(pf->in.published_at ? pf->in.published_at : time(NULL), date, sizeof date);
	tdict_set(p, "P_TITLE", pf->in.title);
	if (pf->in.author[0])
		tdict_set(tdict_section(p, "P_AUTHOR"), "NAME", pf->in.author);
	tdict_set(p, "P_DATE", date);
	tdict_set(p, "SAFE_P_BODY_HTML", html ? html : "");
	free(html);
	if (pf->featured && db_media_by_id(r->db, r->a, pf->featured, &img) == 1 &&
	    media_is_image(img.mime_type)) {
		tdict *f = tdict_section(p, "P_FEATURED");

		tdict_set(f, "SRC", arena_printf(r->a, "/uploads/%s", img.file_name));
		tdict_set(f, "ALT", img.alt_text);
	}
	if (pf->in.category_id && db_categories_all(r->db, r->a, &c, &n) == 0)
		for (i = 0; i < n; i++)
			if (c[i].id == pf->in.category_id)
				tdict_set(tdict_section(p, "P_CATEGORY"), "NAME", c[i].name);
}

/* Writes a new post and its audit row. Returns the id, or -1. */
static long long create_post(struct req *r, const struct post_form *pf)
{
	long long id;

	if (db_begin(r->db) < 0)
		return -1;
	id = db_post_insert(r->db, &pf->in);
	if (id < 0 || db_post_set_featured(r->db, id, pf->featured) < 0 ||
	    admin_audit(r, audit_action(pf, NULL), "post", id, pf->in.title) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		return -1;
	}
	return id;
}

/* True when the save changes the text of old (then kept as a revision). */
static bool text_changed(const struct post_form *pf, const struct post *old)
{
	return strcmp(pf->in.title, old->title) || strcmp(pf->in.author, old->author) ||
	    (pf->in.excerpt[0] && strcmp(pf->in.excerpt, old->excerpt)) ||
	    strcmp(pf->in.body_md, old->body_md);
}

/* Saves over post id (old: as stored) and keeps the text it had as a
 * revision; returns 1 saved, 0 conflict, -1 error. */
static int update_post(struct req *r, long long id, const struct post_form *pf,
    const struct post *old)
{
	int rc;

	if (db_begin(r->db) < 0)
		return -1;
	rc = text_changed(pf, old) ? admin_keep_revision(r, "post", id, "save", old->title,
	    old->author, old->excerpt, old->body_md) : 0;
	if (rc == 0)
		rc = db_post_update(r->db, id, pf->version, &pf->in);
	if (rc == 1 && db_post_set_featured(r->db, id, pf->featured) < 0)
		rc = -1;
	if (rc == 1 && admin_audit(r, audit_action(pf, old), "post", id, pf->in.title) < 0)
		rc = -1;
	if (rc == 1 && db_commit(r->db) < 0)
		rc = -1;
	if (rc != 1)
		db_rollback(r->db);
	return rc;
}

/* The POST of the form, for a new post (id 0) or an existing one. */
static void save(struct req *r, long long id)
{
	struct post old, *oldp = NULL;
	struct post_form pf;
	long long ver, newid;
	struct form f;
	tdict *d;
	int rc;

	if (id && (rc = db_post_by_id(r->db, r->a, id, &old, &ver)) <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "save post %lld", id);
		return;
	}
	if (id)
		oldp = &old;
	d = form_page(r, id, id ? "Redigera nyhet" : "Ny nyhet",
	    oldp != NULL && strcmp(oldp->status, "published") == 0);
	form_start(&f, r, d);
	if (oldp)
		show_state(r, d, oldp);
	if (!read_post_form(r, &f, &pf)) {
		category_options(r, d, pf.in.category_id);
		featured_options(r, d, pf.featured);
		page_end(r, 422);
		return;
	}
	category_options(r, d, pf.in.category_id);
	featured_options(r, d, pf.featured);
	if (strcmp(pf.action, "preview") == 0) {
		show_preview(r, d, &pf);
		page_end(r, 200);
		return;
	}
	apply_action(&pf, oldp);
	if (id == 0) {
		if ((newid = create_post(r, &pf)) < 0) {
			form_saved(&f, -1, "", "create post");
			return;
		}
		resp_redirect(r, arena_printf(r->a, "/admin/nyheter/%lld?klart=2", newid));
		return;
	}
	form_saved(&f, update_post(r, id, &pf, oldp),
	    arena_printf(r->a, "/admin/nyheter/%lld?klart=1", id),
	    arena_printf(r->a, "update post %lld", id));
}

void page_admin_post_create(struct req *r)
{
	save(r, 0);
}

void page_admin_post_save(struct req *r)
{
	long long id = arg_id(r);

	if (id == 0)
		resp_error(r, 404, "admin post %s", r->arg);
	else
		save(r, id);
}

void page_admin_post_delete_ask(struct req *r)
{
	long long id = arg_id(r), version;
	struct post p;
	int rc = id ? db_post_by_id(r->db, r->a, id, &p, &version) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete post %s", r->arg);
		return;
	}
	d = admin_begin(r, "admin_confirm.tpl", "Radera nyhet", "/admin/nyheter");
	tdict_set(d, "HEADING", "Radera nyhet");
	tdict_set(d, "QUESTION", "Vill du radera den här nyheten? Det går inte att ångra.");
	tdict_set(d, "ITEM", p.title);
	tdict_set(d, "ACTION", arena_printf(r->a, "/admin/nyheter/radera/%lld", id));
	tdict_set(d, "BACK", arena_printf(r->a, "/admin/nyheter/%lld", id));
	page_end(r, 200);
}

void page_admin_post_delete(struct req *r)
{
	long long id = arg_id(r), version;
	struct post p;
	int rc = id ? db_post_by_id(r->db, r->a, id, &p, &version) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete post %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0 || db_post_delete(r->db, id) != 1 ||
	    admin_audit(r, "delete", "post", id, p.title) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "delete post %lld", id);
		return;
	}
	resp_redirect(r, "/admin/nyheter?klart=3");
}
