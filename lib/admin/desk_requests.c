/* desk_requests.c: membership-interest requests at the desk: the list, status and note, creating the member from one. */
#include <string.h>
#include <time.h>

#include "admin/editor.h"
#include "admin/form.h"
#include "util/timefmt.h"
#include "store/audit.h"
#include "store/members.h"
#include "store/membership.h"
#include "http/response.h"

#define NAV "/admin/intresse"

static const char *const kinds[] = { "kommun", "region", NULL };
static const char *const kind_labels[] = { "Kommun", "Region", NULL };

static const char *when_sv(struct arena *a, const char *utc)
{
	char buf[64];
	time_t t;

	if (time_parse_utc(utc, &t) < 0)
		return utc;
	time_format_datetime_sv(t, buf, sizeof buf);
	return arena_strdup(a, buf);
}

void page_admin_requests(struct req *r)
{
	struct membership_request *m;
	size_t n, i;
	tdict *d;

	if (db_membership_list(r->db, r->a, &m, &n) < 0) {
		resp_error(r, 500, "requests: database");
		return;
	}
	d = admin_begin(r, "admin_requests.tpl", "Intresseanmälningar", NAV);
	tdict_show(d, n ? "HAS_ANY" : "EMPTY");
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "ROW");

		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%lld", m[i].id));
		tdict_set(row, "ORG", m[i].organisation);
		tdict_set(row, "KIND", strcmp(m[i].kind, "region") == 0 ? "Region" : "Kommun");
		tdict_set(row, "CONTACT", m[i].contact);
		tdict_set(row, "AT", when_sv(r->a, m[i].created_at));
		tdict_set(row, "STATUS", membership_status_label(m[i].status));
	}
	page_end(r, 200);
}

/* Loads request id; answers 404/500 and returns false when there is none. */
static bool load(struct req *r, long long id, struct membership_request *m)
{
	int rc = id ? db_membership_by_id(r->db, r->a, id, m) : 0;

	if (rc <= 0)
		resp_error(r, rc < 0 ? 500 : 404, "request %lld", id);
	return rc == 1;
}

/* Starts the page of request m: what was sent and the create form's
 * defaults; the handling form's values are set by the caller. */
static tdict *begin(struct req *r, const struct membership_request *m)
{
	tdict *d = admin_begin(r, "admin_request.tpl", m->organisation, NAV);
	struct member mem;
	long long version;
	struct tm tm;
	time_t now = time(NULL);

	tdict_set(d, "ORG", m->organisation);
	tdict_set(d, "KIND", strcmp(m->kind, "region") == 0 ? "Region" : "Kommun");
	tdict_set(d, "CONTACT", m->contact);
	tdict_set(d, "ROLE", m->role);
	tdict_set(d, "EMAIL", m->email);
	tdict_set(d, "PHONE", m->phone[0] ? m->phone : "–");
	tdict_set(d, "AT", when_sv(r->a, m->created_at));
	tdict_set(d, "MESSAGE_TEXT", m->message[0] ? m->message : "–");
	tdict_set(d, "ACTION", arena_printf(r->a, NAV "/%lld", m->id));
	if (m->member_id && db_member_by_id(r->db, r->a, m->member_id, &mem, &version) == 1) {
		tdict *s = tdict_section(d, "MEMBER");

		tdict_set(s, "HREF", arena_printf(r->a, "/admin/medlemmar/%lld", m->member_id));
		tdict_set(s, "NAME", mem.name);
		return d;
	}
	localtime_r(&now, &tm);
	tdict_show(d, "CREATE");
	tdict_set(d, "CREATE_ACTION", arena_printf(r->a, NAV "/skapa-medlem/%lld", m->id));
	tdict_set(d, "M_NAME", m->organisation);
	tdict_set_int(d, "M_YEAR", tm.tm_year + 1900);
	return d;
}

static void status_options(tdict *d, const char *current)
{
	form_options(d, "STATUS_OPTION", membership_statuses, membership_status_labels, current);
}

void page_admin_request(struct req *r)
{
	struct membership_request m;
	tdict *d;

	if (!load(r, admin_arg_id(r), &m))
		return;
	d = begin(r, &m);
	admin_done_notice(r, d, NULL, NULL);
	tdict_set_int(d, "VERSION", m.version);
	tdict_set(d, "NOTE", m.note);
	status_options(d, m.status);
	form_options(d, "KIND_OPTION", kinds, kind_labels, m.kind);
	page_end(r, 200);
}

void page_admin_request_save(struct req *r)
{
	struct membership_request m;
	const char *status, *note;
	long long version;
	struct form f;
	tdict *d;
	int rc;

	if (!load(r, admin_arg_id(r), &m))
		return;
	d = begin(r, &m);
	form_options(d, "KIND_OPTION", kinds, kind_labels, m.kind);
	form_start(&f, r, d);
	status = form_choice(&f, "status", "STATUS", "Statusen", membership_statuses, FF_REQUIRED);
	note = form_text(&f, "note", "NOTE", "Anteckningen", 4000, FF_MULTILINE);
	form_version(&f, &version);
	status_options(d, status ? status : m.status);
	if (!form_ok(&f)) {
		page_end(r, 422);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "request save: database busy");
		return;
	}
	rc = db_membership_update(r->db, m.id, version, status, note, 0);
	if (rc == 1 && admin_audit(r, "update", "request", m.id, m.organisation) < 0)
		rc = -1;
	if (rc != 1)
		db_rollback(r->db);
	else if (db_commit(r->db) < 0)
		rc = -1;
	form_saved(&f, rc, arena_printf(r->a, NAV "/%lld?klart=1", m.id), "request save");
}

void page_admin_request_member(struct req *r)
{
	struct membership_request m;
	struct member mem = { .website = "", .active = true };
	long long year, id;
	struct form f;
	tdict *d;
	int taken;

	if (!load(r, admin_arg_id(r), &m))
		return;
	d = begin(r, &m);
	tdict_set_int(d, "VERSION", m.version);
	tdict_set(d, "NOTE", m.note);
	status_options(d, m.status);
	form_start(&f, r, d);
	mem.name = form_text(&f, "name", "M_NAME", "Namnet", 200, FF_REQUIRED);
	mem.kind = form_choice(&f, "kind", "M_KIND", "Typen", kinds, FF_REQUIRED);
	mem.county = form_text(&f, "county", "M_COUNTY", "Länet", 100, FF_REQUIRED);
	form_int(&f, "joined_year", "M_YEAR", "Året", 1980, 2100, FF_REQUIRED, &year);
	mem.joined_year = (int)year;
	form_options(d, "KIND_OPTION", kinds, kind_labels, mem.kind ? mem.kind : m.kind);
	if (mem.name != NULL && (taken = db_member_name_taken(r->db, mem.name, 0)) != 0)
		form_error(&f, "M_NAME", taken < 0 ? "Namnet kunde inte kontrolleras."
		    : "Det finns redan en medlem med det namnet.");
	if (f.errors) {
		tdict_set_int(tdict_section(d, "CREATE_ERRORS"), "COUNT", f.errors);
		page_end(r, 422);
		return;
	}
	if (db_begin(r->db) < 0) {
		resp_error(r, 503, "request member: database busy");
		return;
	}
	if ((id = db_member_insert(r->db, &mem)) < 0 ||
	    db_membership_update(r->db, m.id, m.version, "member", m.note, id) != 1 ||
	    admin_audit(r, "create", "member", id, mem.name) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "request member: database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/medlemmar/%lld?klart=2", id));
}
