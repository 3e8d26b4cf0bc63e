/* member_pages.c: the member organisations, the board, and the text pages. */
#include "public/public.h"

#include <string.h>
#include <time.h>

#include "store/board.h"
#include "store/members.h"
#include "http/response.h"
#include "store/textpages.h"

void page_members(struct req *r)
{
	struct member_list l;
	long long regions = 0, municipalities = 0;
	tdict *d;
	size_t i;

	if (db_members_current(r->db, r->a, &l) < 0) {
		resp_error(r, 500, "members: database");
		return;
	}
	d = page_begin(r, "members.tpl", "Medlemmar", "/medlemmar");
	for (i = 0; i < l.count; i++) {
		const struct member *m = &l.items[i];
		bool region = strcmp(m->kind, "region") == 0;
		tdict *item = tdict_section(d, region ? "REGION" : "KOMMUN");

		tdict_set(item, "NAME", m->name);
		tdict_set(item, "COUNTY", m->county);
		tdict_set_int(item, "JOINED", m->joined_year);
		if (m->website[0])
			tdict_set(tdict_section(item, "WEBSITE"), "HREF", m->website);
		if (region)
			regions++;
		else
			municipalities++;
	}
	tdict_set_int(d, "REGIONS", regions);
	tdict_set_int(d, "KOMMUNER", municipalities);
	tdict_set_int(d, "TOTAL", regions + municipalities);
	page_end(r, 200);
}

void page_board(struct req *r)
{
	time_t now = time(NULL);
	struct board b;
	struct tm tm;
	tdict *d;
	size_t i;

	localtime_r(&now, &tm);
	if (db_board_current(r->db, r->a, tm.tm_year + 1900, &b) < 0) {
		resp_error(r, 500, "board: database");
		return;
	}
	d = page_begin(r, "board.tpl", "Styrelsen", "/om");
	for (i = 0; i < b.count; i++) {
		const struct board_seat *s = &b.items[i];
		const char *role = board_role_label(s->role);
		tdict *item = tdict_section(d, "SEAT");

		tdict_set(item, "NAME", s->name);
		tdict_set(item, "ROLE", role ? role : s->role);
		tdict_set(item, "PARTY", s->party);
		tdict_set(item, "MEMBER", s->member_name);
		tdict_set(item, "TERM", s->term_start == s->term_end
		    ? arena_printf(r->a, "%d", s->term_start)
		    : arena_printf(r->a, "%d\xE2\x80\x93%d", s->term_start, s->term_end));
	}
	if (b.count == 0)
		tdict_show(d, "EMPTY");
	page_end(r, 200);
}

void page_text(struct req *r)
{
	const char *slug = r->path + 1;   /* the route's path names the page */
	struct text_page p;
	int rc = db_text_page(r->db, r->a, slug, &p);
	tdict *d;

	if (rc < 0) {
		resp_error(r, 500, "text page: database");
		return;
	}
	if (rc == 0) {
		resp_error(r, 404, "no text page %s", slug);
		return;
	}
	d = page_begin(r, "text_page.tpl", p.title, strcmp(slug, "om") == 0 ? "/om" :
	    strcmp(slug, "bli-medlem") == 0 ? "/medlemmar" : NULL);
	tdict_set(d, "TITLE", p.title);
	tdict_set(d, "SAFE_BODY_HTML", p.body_html);
	page_end(r, 200);
}
