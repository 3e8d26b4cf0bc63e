/* desk_links.c: the desk's list of broken external links (found by hcadmin check-links), each with where to fix it. */
#include <string.h>
#include <time.h>

#include "admin/admin.h"
#include "admin/form.h"
#include "http/response.h"
#include "store/links.h"
#include "util/timefmt.h"

/* What went wrong, for the coordinator. */
static const char *problem_sv(struct req *r, const struct broken_link *b)
{
	if (strcmp(b->error, "dns") == 0)
		return "Adressen finns inte (namnet hittas inte)";
	if (strcmp(b->error, "timeout") == 0)
		return "Svarar inte (tiden gick ut)";
	if (b->status == 404)
		return "Sidan finns inte (404)";
	if (b->status == 410)
		return "Sidan är borttagen (410)";
	return arena_printf(r->a, "Fel (%ld)", b->status);
}

static const char *edit_href(struct req *r, const struct broken_link *b)
{
	if (strcmp(b->kind, "event") == 0)
		return arena_printf(r->a, "/admin/evenemang/%lld", b->id);
	if (strcmp(b->kind, "page") == 0)
		return arena_printf(r->a, "/admin/sidor/%s", b->slug);
	return arena_printf(r->a, "/admin/nyheter/%lld", b->id);
}

static const char *when_sv(struct req *r, const char *utc)
{
	char buf[64];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return "";
	time_format_datetime_sv(t, buf, sizeof buf);
	return arena_strdup(r->a, buf);
}

void page_admin_links(struct req *r)
{
	struct broken_link *b;
	long long n, i, checked;
	const char *last;
	tdict *d;

	if ((n = db_links_broken(r->db, r->a, &b)) < 0 ||
	    db_links_checked(r->db, r->a, &checked, &last) < 0) {
		resp_error(r, 500, "broken links: database");
		return;
	}
	d = admin_begin(r, "admin_links.tpl", "Trasiga länkar", "/admin/lankar");
	if (checked == 0)
		tdict_show(d, "NEVER");
	else
		tdict_set(tdict_section(d, "CHECKED"), "WHEN", when_sv(r, last));
	tdict_show(d, n ? "HAS_ROWS" : checked ? "NONE_BROKEN" : "NOTHING");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "ROW");

		tdict_set(row, "URL", b[i].url);
		tdict_set(row, "PROBLEM", problem_sv(r, &b[i]));
		tdict_set(row, "KIND", strcmp(b[i].kind, "event") == 0 ? "Evenemang"
		    : strcmp(b[i].kind, "page") == 0 ? "Sida" : "Nyhet");
		tdict_set(row, "TITLE", b[i].title);
		tdict_set(row, "EDIT_HREF", edit_href(r, &b[i]));
		tdict_set(row, "WHEN", when_sv(r, b[i].checked_at));
	}
	page_end(r, 200);
}
