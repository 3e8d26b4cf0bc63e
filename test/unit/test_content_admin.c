/* test_content_admin.c: unit tests for the editing statements of events, members, board seats and text pages. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/events.h"
#include "store/board.h"
#include "store/members.h"
#include "store/migrate.h"
#include "store/textpages.h"
#include "util/timefmt.h"

static struct db *db;
static struct arena a;

static void setup(void)
{
	FILE *out = fopen("/dev/null", "w");

	time_init();
	memset(&a, 0, sizeof a);
	db = db_open(":memory:");
	cr_assert_not_null(db);
	cr_assert_eq(migrate_apply(db, "migrations", "/tmp", out), 0);
	fclose(out);
}

static void teardown(void)
{
	db_close(db);
	arena_free(&a);
}

TestSuite(content_admin, .init = setup, .fini = teardown);

static struct event_input event_in(const char *title, time_t start, time_t end)
{
	return (struct event_input){
		.title = title, .kind = "seminarium", .status = "published", .start = start, .end = end,
		.venue = "Stadshuset", .town = "Malmö", .join_url = "", .description_md = "*Hej*",
		.registration_url = "", .registration_until = NULL, .programme_url = "",
	};
}

Test(content_admin, event_update_with_version)
{
	struct event_input in = event_in("Första", 2000000000, 2000003600);
	struct event_edit x;
	struct event e;
	long long id = db_event_insert(db, &in);

	cr_assert_gt(id, 0);
	cr_assert_eq(db_event_by_id(db, &a, id, &e, &x), 1);
	cr_assert_eq(x.version, 1);
	cr_assert_str_eq(x.description_md, "*Hej*");
	in.title = "Andra";
	in.description_md = "**Ny**";
	in.registration_until = "2033-05-01";
	cr_assert_eq(db_event_update(db, id, 1, &in), 1);
	cr_assert_eq(db_event_update(db, id, 1, &in), 0, "a stale version is refused");
	cr_assert_eq(db_event_by_id(db, &a, id, &e, &x), 1);
	cr_assert_eq(x.version, 2);
	cr_assert_str_eq(e.title, "Andra");
	cr_assert_str_eq(e.description_html, "<p><strong>Ny</strong></p>\n");
	cr_assert_str_eq(e.registration_until, "2033-05-01");
	in.end = in.start - 1;
	cr_assert_eq(db_event_update(db, id, 2, &in), -1, "end before start");
	in.end = in.start;
	in.status = "hemlig";
	cr_assert_eq(db_event_update(db, id, 2, &in), -1, "unknown status");
	cr_assert_eq(db_event_delete(db, id), 1);
	cr_assert_eq(db_event_delete(db, id), 0);
	cr_assert_eq(db_event_by_id(db, &a, id, &e, &x), 0);
}

Test(content_admin, events_admin_lists_drafts_and_searches)
{
	struct event_input in = event_in("Utkast om Hälsa", 2000000000, 2000003600);
	struct event_list el;

	in.status = "draft";
	cr_assert_gt(db_event_insert(db, &in), 0);
	cr_assert_eq(db_events_admin(db, &a, "UTKAST", &el), 0);
	cr_assert_eq(el.count, 1);
	cr_assert_str_eq(el.items[0].status, "draft");
	cr_assert_eq(db_events_admin(db, &a, "finns inte", &el), 0);
	cr_assert_eq(el.count, 0);
	cr_assert_str_eq(event_status_label("cancelled"), "Inställt");
	cr_assert_str_eq(event_status_label("okänd"), "okänd");
}

Test(content_admin, member_and_seat)
{
	struct member m = { .name = "Testby kommun", .kind = "kommun", .county = "Skåne län",
		.website = "", .joined_year = 2001, .active = true };
	struct board_seat s = { .name = "Karin", .role = "ledamot", .party = "S",
		.term_start = 2024, .term_end = 2026 };
	struct board_seat_edit se, *all;
	struct member got;
	long long mid = db_member_insert(db, &m), sid, ver;

	cr_assert_gt(mid, 0);
	cr_assert_eq(db_member_name_taken(db, "Testby kommun", 0), 1);
	cr_assert_eq(db_member_name_taken(db, "Testby kommun", mid), 0);
	m.active = false;
	cr_assert_eq(db_member_update(db, mid, 1, &m), 1);
	cr_assert_eq(db_member_update(db, mid, 1, &m), 0);
	cr_assert_eq(db_member_by_id(db, &a, mid, &got, &ver), 1);
	cr_assert_eq(ver, 2);
	cr_assert(!got.active);
	sid = db_board_seat_insert(db, &s, mid);
	cr_assert_gt(sid, 0);
	cr_assert_eq(db_board_seat_by_id(db, &a, sid, &se), 1);
	cr_assert_eq(se.member_id, mid);
	cr_assert_str_eq(se.s.member_name, "Testby kommun");
	s.role = "ordforande";
	cr_assert_eq(db_board_seat_update(db, sid, 1, &s, 0), 1);
	cr_assert_eq(db_board_seat_update(db, sid, 1, &s, 0), 0);
	cr_assert_eq(db_board_all(db, &a, &all), 1);
	cr_assert_eq(all[0].member_id, 0);
	cr_assert_eq(all[0].version, 2);
	cr_assert_eq(db_board_seat_update(db, sid, 2, &s, mid), 1);
	cr_assert_eq(db_member_delete(db, mid), 1);
	cr_assert_eq(db_board_seat_by_id(db, &a, sid, &se), 1, "the seat stays");
	cr_assert_eq(se.member_id, 0);
	cr_assert_eq(db_board_seat_delete(db, sid), 1);
	cr_assert_eq(db_board_seat_delete(db, sid), 0);
}

Test(content_admin, text_page_update_with_version)
{
	struct text_page *all, p;
	long long ver;

	cr_assert_eq(db_text_pages_all(db, &a, &all, 10), 4);   /* om, bli-medlem, tillganglighet, personuppgifter */
	cr_assert_eq(db_text_page_edit(db, &a, "om", &p, &ver), 1);
	cr_assert_eq(ver, 1);
	cr_assert_eq(db_text_page_update(db, "om", 1, "Om oss", "*Ny*"), 1);
	cr_assert_eq(db_text_page_update(db, "om", 1, "Om dem", "gammal"), 0);
	cr_assert_eq(db_text_page_update(db, "finns-inte", 1, "x", "y"), 0);
	cr_assert_eq(db_text_page_edit(db, &a, "om", &p, &ver), 1);
	cr_assert_eq(ver, 2);
	cr_assert_str_eq(p.title, "Om oss");
	cr_assert_str_eq(p.body_html, "<p><em>Ny</em></p>\n");
}
