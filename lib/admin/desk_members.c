/* desk_members.c: editing member organisations: list, new, edit, delete with a confirmation step. */
#include <string.h>
#include <time.h>

#include "admin/admin.h"
#include "admin/editor.h"
#include "admin/form.h"
#include "store/audit.h"
#include "store/members.h"
#include "http/response.h"

#define NAV "/admin/medlemmar"
#define NAME_MAX 200
#define COUNTY_MAX 100

static const char *const kinds[] = { "kommun", "region", NULL };
static const char *const kind_labels[] = { "Kommun", "Region", NULL };
/* The counties, offered as suggestions (the field takes any text). */
static const char *const counties[] = {
	"Blekinge län", "Dalarnas län", "Gotlands län", "Gävleborgs län", "Hallands län",
	"Jämtlands län", "Jönköpings län", "Kalmar län", "Kronobergs län", "Norrbottens län",
	"Skåne län", "Stockholms län", "Södermanlands län", "Uppsala län", "Värmlands län",
	"Västerbottens län", "Västernorrlands län", "Västmanlands län", "Västra Götalands län",
	"Örebro län", "Östergötlands län", NULL,
};

void page_admin_members(struct req *r)
{
	struct member_list ml;
	size_t i;
	tdict *d;

	if (db_members_all(r->db, r->a, &ml) < 0) {
		resp_error(r, 500, "admin members: database");
		return;
	}
	d = admin_begin(r, "admin_members.tpl", "Medlemmar", NAV);
	admin_done_notice(r, d, NULL, NULL);
	tdict_show(d, ml.count ? "HAS_MEMBERS" : "EMPTY");
	for (i = 0; i < ml.count; i++) {
		const struct member *m = &ml.items[i];
		tdict *row = tdict_section(d, "MEMBER");

		tdict_set(row, "HREF", arena_printf(r->a, NAV "/%lld", m->id));
		tdict_set(row, "NAME", m->name);
		tdict_set(row, "KIND", strcmp(m->kind, "region") == 0 ? "Region" : "Kommun");
		tdict_set(row, "COUNTY", m->county);
		tdict_set_int(row, "JOINED", m->joined_year);
		tdict_set(row, "ACTIVE", m->active ? "Ja" : "Nej, har lämnat");
	}
	page_end(r, 200);
}

/* The text fields' limits: what form_text reads with and the template shows. */
static const struct form_limit limits[] = {
	{ "NAME", NAME_MAX },
	{ "COUNTY", COUNTY_MAX },
	{ NULL, 0 },
};

/* Starts the form page for member id (0: new), with the county suggestions. */
static tdict *form_page(struct req *r, long long id, const char *heading)
{
	tdict *d = admin_begin(r, "admin_member_form.tpl", heading, NAV);

	form_limits(d, limits);	size_t i;

	tdict_set(d, "HEADING", heading);
	tdict_set(d, "ACTION", id ? arena_printf(r->a, NAV "/%lld", id) : NAV "/ny");
	if (id)
		tdict_set(tdict_section(d, "DELETE"), "HREF", arena_printf(r->a, NAV "/radera/%lld", id));
	for (i = 0; counties[i] != NULL; i++)
		tdict_set(tdict_section(d, "COUNTY_OPTION"), "VALUE", counties[i]);
	return d;
}

void page_admin_member_new(struct req *r)
{
	tdict *d = form_page(r, 0, "Ny medlem");
	struct tm tm;
	time_t now = time(NULL);

	localtime_r(&now, &tm);
	tdict_set(d, "VERSION", "1");
	tdict_set_int(d, "JOINED", tm.tm_year + 1900);
	tdict_show(d, "ACTIVE_CHECKED");
	form_options(d, "KIND_OPTION", kinds, kind_labels, "kommun");
	page_end(r, 200);
}

void page_admin_member_edit(struct req *r)
{
	long long id = r->arg_id, version;
	struct member m;
	int rc = id ? db_member_by_id(r->db, r->a, id, &m, &version) : 0;
	tdict *d;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "admin member %s", r->arg);
		return;
	}
	d = form_page(r, id, "Redigera medlem");
	admin_done_notice(r, d, "/medlemmar", "Visa medlemssidan");
	tdict_set_int(d, "VERSION", version);
	tdict_set(d, "NAME", m.name);
	tdict_set(d, "COUNTY", m.county);
	tdict_set(d, "WEBSITE", m.website);
	tdict_set_int(d, "JOINED", m.joined_year);
	if (m.active)
		tdict_show(d, "ACTIVE_CHECKED");
	form_options(d, "KIND_OPTION", kinds, kind_labels, m.kind);
	page_end(r, 200);
}

/* Reads and checks the posted fields of member id (0: new) into m. */
static bool read_member_form(struct req *r, struct form *f, long long id, struct member *m,
    long long *version)
{
	long long year;
	int taken;

	memset(m, 0, sizeof *m);
	m->name = form_text(f, "name", "NAME", "Namnet", NAME_MAX, FF_REQUIRED);
	m->kind = form_choice(f, "kind", "KIND", "typ", kinds, FF_REQUIRED);
	m->county = form_text(f, "county", "COUNTY", "Länet", COUNTY_MAX, FF_REQUIRED);
	m->website = form_url(f, "website", "WEBSITE", "Webbplatsen", 0);
	if (form_int(f, "joined_year", "JOINED", "Året", 1980, 2100, FF_REQUIRED, &year))
		m->joined_year = (int)year;
	m->active = form_bool(f, "active", "ACTIVE");
	form_version(f, version);
	if (m->name && (taken = db_member_name_taken(r->db, m->name, id)) != 0)
		form_error(f, "NAME", taken < 0 ? "Namnet kunde inte kontrolleras. Försök igen."
		    : "Det finns redan en medlem med det namnet.");
	return form_ok(f);
}

/* Writes member id (0: new) and its audit row. Returns the id, 0 on a
 * conflict, or -1. */
static long long write_member(struct req *r, long long id, long long version, const struct member *m)
{
	long long rc;

	if (db_begin(r->db) < 0)
		return -1;
	rc = id ? db_member_update(r->db, id, version, m) : db_member_insert(r->db, m);
	if (rc > 0 && admin_audit(r, id ? "update" : "create", "member", id ? id : rc, m->name) < 0)
		rc = -1;
	if (rc > 0 && db_commit(r->db) < 0)
		rc = -1;
	if (rc <= 0)
		db_rollback(r->db);
	return rc > 0 && id ? id : rc;
}

static void save(struct req *r, long long id)
{
	long long version, newid;
	struct member m;
	struct form f;
	tdict *d;
	int rc;

	if (id && (rc = db_member_by_id(r->db, r->a, id, &m, &version)) <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "save member %lld", id);
		return;
	}
	d = form_page(r, id, id ? "Redigera medlem" : "Ny medlem");
	form_start(&f, r, d);
	rc = read_member_form(r, &f, id, &m, &version);
	form_options(d, "KIND_OPTION", kinds, kind_labels, req_form(r, "kind"));
	if (!rc) {
		page_end(r, 422);
		return;
	}
	newid = write_member(r, id, version, &m);
	form_saved(&f, newid, arena_printf(r->a, NAV "/%lld?klart=%d", newid, id ? 1 : 2),
	    arena_printf(r->a, "write member %lld", id));
}

void page_admin_member_create(struct req *r)
{
	save(r, 0);
}

void page_admin_member_save(struct req *r)
{
	long long id = r->arg_id;

	if (id == 0)
		resp_error(r, 404, "admin member %s", r->arg);
	else
		save(r, id);
}

void page_admin_member_delete_ask(struct req *r)
{
	long long id = r->arg_id, version;
	struct member m;
	int rc = id ? db_member_by_id(r->db, r->a, id, &m, &version) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete member %s", r->arg);
		return;
	}
	admin_confirm(r, NAV, "Radera medlem",
	    "Vill du radera den här medlemmen? Styrelseledamöter från den står kvar utan "
	    "organisation. Har medlemmen bara lämnat nätverket räcker det att ta bort "
	    "markeringen ”Är medlem”. Det går inte att ångra.", m.name,
	    arena_printf(r->a, NAV "/radera/%lld", id), arena_printf(r->a, NAV "/%lld", id));
}

void page_admin_member_delete(struct req *r)
{
	long long id = r->arg_id, version;
	struct member m;
	int rc = id ? db_member_by_id(r->db, r->a, id, &m, &version) : 0;

	if (rc <= 0) {
		resp_error(r, rc < 0 ? 500 : 404, "delete member %s", r->arg);
		return;
	}
	if (db_begin(r->db) < 0 || db_member_delete(r->db, id) != 1 ||
	    admin_audit(r, "delete", "member", id, m.name) < 0 || db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "delete member %lld", id);
		return;
	}
	resp_redirect(r, NAV "?klart=3");
}
