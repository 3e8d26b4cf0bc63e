/* desk_board.c: editing board seats: list, new, edit, delete with a confirmation step. */
#include <string.h>
#include <time.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "store/audit.h"
#include "store/board.h"
#include "store/members.h"
#include "http/response.h"

#define NAV "/admin/styrelse"
#define NAME_MAX 100
#define PARTY_MAX 50

/* The role labels in the order of board_roles, in a. */
static const char *const *role_labels(struct arena *a)
{
	const char **l = arena_alloc(a, sizeof *l * 5);
	size_t i;

	for (i = 0; board_roles[i] != NULL; i++)
		l[i] = board_role_label(board_roles[i]);
	l[i] = NULL;
	return l;
}

void page_admin_board(struct req *r)
{
	struct board_seat_edit *s;
	long long n, i;
	tdict *d;

	if ((n = db_board_all(r->db, r->a, &s)) < 0) {
		resp_error(r, 500, "admin board: database");
		return;
	}
	d = admin_begin(r, "admin_board.tpl", "Styrelsen", NAV);
	admin_done_notice(r, d, NULL, NULL);
	tdict_show(d, n ? "HAS_SEATS" : "EMPTY");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "SEAT");

		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%lld", s[i].s.id));
		tdict_set(row, "NAME", s[i].s.name);
		tdict_set(row, "ROLE", board_role_label(s[i].s.role));
		tdict_set(row, "PARTY", s[i].s.party);
		tdict_set(row, "MEMBER", s[i].s.member_name);
		tdict_set(row, "TERM", arena_printf(r->a, "%d–%d", s[i].s.term_start, s[i].s.term_end));
	}
	page_end(r, 200);
}

/* The text fields' limits: what form_text reads with and the template shows. */
static const struct form_limit limits[] = {
	{ "NAME", NAME_MAX },
	{ "PARTY", PARTY_MAX },
	{ NULL, 0 },
};

/* Fills the member select with current selected. Returns 0 or -1. */
static int member_options(struct req *r, tdict *d, long long current)
{
	struct member_list ml;
	size_t i;

	if (db_members_all(r->db, r->a, &ml) < 0)
		return -1;
	for (i = 0; i < ml.count; i++) {
		tdict *o = tdict_section(d, "MEMBER_OPTION");

		tdict_set_int(o, "VALUE", ml.items[i].id);
		tdict_set(o, "LABEL", ml.items[i].active ? ml.items[i].name
		    : arena_printf(r->a, "%s (har lämnat)", ml.items[i].name));
		if (ml.items[i].id == current)
			tdict_show(o, "SELECTED");
	}
	return 0;
}

static tdict *form_page(struct req *r, long long id, const char *heading)
{
	tdict *d = admin_begin(r, "admin_seat_form.tpl", heading, NAV);

	form_limits(d, limits);
	tdict_set(d, "HEADING", heading);
	tdict_set(d, "ACTION", id ? arena_printf(r->a, NAV "/%lld", id) : NAV "/ny");
	if (id)
		tdict_set(tdict_section(d, "DELETE"), "HREF", arena_printf(r->a, NAV "/radera/%lld", id));
	return d;
}

void page_admin_seat_new(struct req *r)
{
	tdict *d = form_page(r, 0, "Ny styrelseplats");
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	tdict_set(d, "VERSION", "1");
	tdict_set_int(d, "TERM_START", tm.tm_year + 1900);
	tdict_set_int(d, "TERM_END", tm.tm_year + 1901);
	form_options(d, "ROLE_OPTION", board_roles, role_labels(r->a), "ledamot");
	if (member_options(r, d, 0) < 0) {
		resp_error(r, 500, "seat form: members");
		return;
	}
	page_end(r, 200);
}

void page_admin_seat_edit(struct req *r)
{
	long long id = r->arg_id;
	struct board_seat_edit s;
	int rc = id ? db_board_seat_by_id(r->db, r->a, id, &s) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "admin seat %s", r->arg);
		return;
	}
	d = form_page(r, id, "Redigera styrelseplats");
	admin_done_notice(r, d, "/styrelse", "Visa styrelsesidan");
	tdict_set_int(d, "VERSION", s.version);
	tdict_set(d, "NAME", s.s.name);
	tdict_set(d, "PARTY", s.s.party);
	tdict_set_int(d, "TERM_START", s.s.term_start);
	tdict_set_int(d, "TERM_END", s.s.term_end);
	form_options(d, "ROLE_OPTION", board_roles, role_labels(r->a), s.s.role);
	if (member_options(r, d, s.member_id) < 0) {
		resp_error(r, 500, "seat form: members");
		return;
	}
	page_end(r, 200);
}

/* The posted seat. */
struct seat_form {
	struct board_seat s;
	long long member_id, version;
};

/* Warns when the seat would make a second ordförande for the same years,
 * unless the coordinator has ticked that it is meant (two_chairs). */
static void check_second_chair(struct req *r, struct form *f, const struct seat_form *sf,
    long long id)
{
	const char *other = NULL;
	bool meant = form_bool(f, "two_chairs", "TWO_CHAIRS");

	if (sf->s.role == NULL || strcmp(sf->s.role, "ordforande") != 0 || f->errors)
		return;
	if (db_board_other_chair(r->db, r->a, sf->s.term_start, sf->s.term_end, id, &other) != 1)
		return;
	tdict_show(f->d, "TWO_CHAIRS_BOX");
	if (!meant)
		form_error(f, "ROLE", arena_printf(r->a, "%s är redan ordförande under samma år. "
		    "Ändra rollen eller åren, eller kryssa i att det ska vara två ordförande.", other));
}

static bool read_seat_form(struct req *r, struct form *f, struct seat_form *sf, long long id)
{
	long long start, end, version;
	struct member m;
	bool ok;
	int rc;

	memset(sf, 0, sizeof *sf);
	sf->s.name = form_text(f, "name", "NAME", "Namnet", NAME_MAX, FF_REQUIRED);
	sf->s.role = form_choice(f, "role", "ROLE", "roll", board_roles, FF_REQUIRED);
	sf->s.party = form_text(f, "party", "PARTY", "Partiet", PARTY_MAX, 0);
	if (form_int(f, "member", "MEMBER", "Organisationen", 0, 1LL << 53, 0, &sf->member_id) &&
	    sf->member_id && (rc = db_member_by_id(r->db, r->a, sf->member_id, &m, &version)) != 1)
		form_error(f, "MEMBER", rc < 0 ? "Medlemmarna kunde inte läsas. Försök igen."
		    : "Den valda organisationen finns inte längre. Välj en annan.");
	ok = form_int(f, "term_start", "TERM_START", "Första året", 1980, 2100, FF_REQUIRED, &start);
	if (form_int(f, "term_end", "TERM_END", "Sista året", 1980, 2100, FF_REQUIRED, &end) &&
	    ok && end < start)
		form_error(f, "TERM_END", "Mandatperiodens sista år kan inte vara före det första.");
	sf->s.term_start = (int)start;
	sf->s.term_end = (int)end;
	form_version(f, &sf->version);
	check_second_chair(r, f, sf, id);
	return form_ok(f);
}

/* Writes seat id (0: new) and its audit row. Returns the id, 0 on a conflict, or -1. */
static long long write_seat(struct req *r, long long id, const struct seat_form *sf)
{
	long long rc;

	if (db_begin(r->db) < 0)
		return -1;
	rc = id ? db_board_seat_update(r->db, id, sf->version, &sf->s, sf->member_id)
	    : db_board_seat_insert(r->db, &sf->s, sf->member_id);
	if (rc > 0 && admin_audit(r, id ? "update" : "create", "board", id ? id : rc, sf->s.name) < 0)
		rc = -1;
	if (rc > 0 && db_commit(r->db) < 0)
		rc = -1;
	if (rc <= 0)
		db_rollback(r->db);
	return rc > 0 && id ? id : rc;
}

static void save(struct req *r, long long id)
{
	struct board_seat_edit old;
	struct seat_form sf;
	long long newid;
	struct form f;
	tdict *d;
	int rc;

	if (id && (rc = db_board_seat_by_id(r->db, r->a, id, &old)) <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "save seat %lld", id);
		return;
	}
	d = form_page(r, id, id ? "Redigera styrelseplats" : "Ny styrelseplats");
	form_start(&f, r, d);
	rc = read_seat_form(r, &f, &sf, id);
	form_options(d, "ROLE_OPTION", board_roles, role_labels(r->a), req_form(r, "role"));
	member_options(r, d, sf.member_id);
	if (!rc) {
		page_end(r, 422);
		return;
	}
	newid = write_seat(r, id, &sf);
	form_saved(&f, newid, arena_printf(r->a, NAV "/%lld?klart=%d", newid, id ? 1 : 2),
	    arena_printf(r->a, "write seat %lld", id));
}

void page_admin_seat_create(struct req *r)
{
	save(r, 0);
}

void page_admin_seat_save(struct req *r)
{
	long long id = r->arg_id;

	if (id == 0)
		resp_error(r, 404, "admin seat %s", r->arg);
	else
		save(r, id);
}

void page_admin_seat_delete_ask(struct req *r)
{
	long long id = r->arg_id;
	struct board_seat_edit s;
	int rc = id ? db_board_seat_by_id(r->db, r->a, id, &s) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete seat %s", r->arg);
		return;
	}
	admin_confirm(r, NAV, "Radera styrelseplats",
	    "Vill du radera den här styrelseplatsen? Det går inte att ångra.", s.s.name,
	    arena_printf(r->a, NAV "/radera/%lld", id), arena_printf(r->a, NAV "/%lld", id));
}

void page_admin_seat_delete(struct req *r)
{
	long long id = r->arg_id;
	struct board_seat_edit s;
	int rc = id ? db_board_seat_by_id(r->db, r->a, id, &s) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete seat %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0 || db_board_seat_delete(r->db, id) != 1 ||
	    admin_audit(r, "delete", "board", id, s.s.name) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "delete seat %lld", id);
		return;
	}
	resp_redirect(r, NAV "?klart=3");
}
