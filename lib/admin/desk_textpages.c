/* desk_textpages.c: editing the text pages /om, /bli-medlem, /tillganglighet and /personuppgifter (no new, no delete). */
#include <string.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "store/audit.h"
#include "http/response.h"
#include "store/revisions.h"
#include "store/textpages.h"
#include "util/timefmt.h"

#define NAV "/admin/sidor"
#define PAGES_MAX 20
#define TITLE_MAX 200
#define BODY_MAX 60000

/* The slug in r->arg when it names a text page's path, else NULL. */
static const char *arg_slug(struct req *r)
{
	static const char *const slugs[] = { "om", "bli-medlem", "tillganglighet",
	    "personuppgifter" };
	size_t i;

	for (i = 0; r->arg && i < sizeof slugs / sizeof slugs[0]; i++)
		if (strcmp(r->arg, slugs[i]) == 0)
			return r->arg;
	return NULL;
}

void page_admin_textpages(struct req *r)
{
	struct text_page *p;
	long long n, i;
	char buf[64];
	time_t t;
	tdict *d;

	if ((n = db_text_pages_all(r->db, r->a, &p, PAGES_MAX)) < 0) {
		resp_error(r, 500, "admin text pages: database");
		return;
	}
	d = admin_begin(r, "admin_textpages.tpl", "Sidor", NAV);
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "PAGE");

		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%s", p[i].slug));
		tdict_set(row, "PUBLIC", arena_printf(r->a, "/%s", p[i].slug));
		tdict_set(row, "TITLE", p[i].title);
		buf[0] = '\0';
		if (time_parse_utc(p[i].updated_at, &t) == 0)
			time_format_datetime_sv(t, buf, sizeof buf);
		tdict_set(row, "UPDATED", buf);
	}
	page_end(r, 200);
}

static tdict *form_page(struct req *r, const char *slug)
{
	tdict *d = admin_begin(r, "admin_textpage_form.tpl", "Redigera sida", NAV);

	tdict_set(d, "ACTION", arena_printf(r->a, NAV "/%s", slug));
	tdict_set(d, "PUBLIC", arena_printf(r->a, "/%s", slug));
	admin_revisions_link(r, d, "page", db_page_id(r->db, slug),
	    arena_printf(r->a, NAV "/versioner/%s", slug));
	return d;
}

void page_admin_textpage_edit(struct req *r)
{
	const char *slug = arg_slug(r);
	struct text_page p;
	long long version;
	int rc = slug ? db_text_page_edit(r->db, r->a, slug, &p, &version) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "admin text page %s", r->arg);
		return;
	}
	d = form_page(r, slug);
	admin_done_notice(r, d, "SAVED");
	tdict_set_int(d, "VERSION", version);
	tdict_set(d, "TITLE", p.title);
	tdict_set(d, "BODY", p.body_md);
	page_end(r, 200);
}

/* Saves the page and its audit row, keeping the text it had (old) as a
 * revision; returns 1 saved, 0 conflict, -1 error. */
static int update_page(struct req *r, const char *slug, long long version,
    const char *title, const char *body, const struct text_page *old)
{
	long long id;
	int rc = 0;

	if (db_begin(r->db) < 0)
		return -1;
	if ((strcmp(old->title, title) || strcmp(old->body_md, body)) &&
	    ((id = db_page_id(r->db, slug)) <= 0 ||
	    admin_keep_revision(r, "page", id, "save", old->title, NULL, NULL, old->body_md) < 0))
		rc = -1;
	if (rc == 0)
		rc = db_text_page_update(r->db, slug, version, title, body);
	if (rc == 1 && (admin_audit(r, "update", "page", 0, arena_printf(r->a, "/%s: %s", slug, title)) < 0 || db_commit(r->db) < 0))
		rc = -1;
	if (rc != 1)
		db_rollback(r->db);
	return rc;
}

void page_admin_textpage_save(struct req *r)
{
	const char *slug = arg_slug(r), *title, *body;
	struct text_page p;
	long long version;
	struct form f;
	tdict *d;
	int rc = slug ? db_text_page_edit(r->db, r->a, slug, &p, &version) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "save text page %s", r->arg);
		return;
	}
	d = form_page(r, slug);
	form_start(&f, r, d);
	title = form_text(&f, "title", "TITLE", "Rubriken", TITLE_MAX, FF_REQUIRED);
	body = form_text(&f, "body", "BODY", "Texten", BODY_MAX, FF_MULTILINE);
	form_version(&f, &version);
	if (!form_ok(&f)) {
		page_end(r, 422);
		return;
	}
	form_saved(&f, update_page(r, slug, version, title, body, &p),
	    arena_printf(r->a, NAV "/%s?klart=1", slug),
	    arena_printf(r->a, "update text page %s", slug));
}
