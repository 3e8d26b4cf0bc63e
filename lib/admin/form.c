/* form.c: the admin layout, posted fields with Swedish messages, re-rendering as typed. */
#include "admin/form.h"

#include <stdio.h>
#include <string.h>

#include "site/auth.h"
#include "store/audit.h"
#include "http/response.h"
#include "util/log.h"
#include "util/timefmt.h"
#include "util/utf8.h"
#include "util/valid.h"

/* The admin navigation, in order; admin_only items are shown to admins only. */
static const struct {
	const char *href, *label;
	bool admin_only;
} admin_nav[] = {
	{ "/admin", "Översikt", false },
	{ "/admin/nyheter", "Nyheter", false },
	{ "/admin/evenemang", "Evenemang", false },
	{ "/admin/medlemmar", "Medlemmar", false },
	{ "/admin/intresse", "Intresseanmälningar", false },
	{ "/admin/styrelse", "Styrelsen", false },
	{ "/admin/sidor", "Sidor", false },
	{ "/admin/media", "Media", false },
	{ "/admin/nyhetsbrev", "Nyhetsbrev", false },
	{ "/admin/lankar", "Länkar", false },
	{ "/admin/anvandare", "Användare", true },
	{ "/admin/logg", "Logg", true },
};

tdict *admin_begin(struct req *r, const char *tpl, const char *title, const char *nav)
{
	const struct session *s = r->session;
	char key[AUTH_TOKEN_HEX];
	tdict *d, *bar;
	size_t i;

	r->no_store = true;
	r->desk_script = true;
	if ((d = page_begin(r, tpl, title, NULL)) == NULL)
		return NULL;
	bar = tdict_section(r->layout, "ADMIN");
	tdict_set(bar, "CSRF", s ? s->csrf : "");
	tdict_set(bar, "USER_NAME", s ? s->name : "");
	for (i = 0; i < sizeof admin_nav / sizeof admin_nav[0]; i++) {
		tdict *item;

		if (admin_nav[i].admin_only && (s == NULL || !s->admin))
			continue;
		item = tdict_section(bar, "ADMIN_NAV");
		tdict_set(item, "HREF", admin_nav[i].href);
		tdict_set(item, "LABEL", admin_nav[i].label);
		if (nav != NULL && strcmp(nav, admin_nav[i].href) == 0)
			tdict_show(item, "CURRENT");
	}
	tdict_set(d, "CSRF", s ? s->csrf : "");
	auth_random_hex(key);
	tdict_set(d, "FORM_KEY", key);   /* used by create forms (R_ONCE) */
	return d;
}

void form_start(struct form *f, struct req *r, tdict *d)
{
	f->r = r;
	f->d = d;
	f->errors = 0;
}

void form_error(struct form *f, const char *key, const char *message)
{
	char sect[128];

	snprintf(sect, sizeof sect, "%s_ERROR", key);
	tdict_set(tdict_section(f->d, sect), "MESSAGE", message);
	f->errors++;
}

bool form_ok(struct form *f)
{
	if (f->errors == 0)
		return true;
	tdict_set_int(tdict_section(f->d, "FORM_ERRORS"), "COUNT", f->errors);
	return false;
}

void form_conflict(struct form *f)
{
	tdict_set(tdict_section(f->d, "CONFLICT"), "MESSAGE",
	    "Någon annan har sparat ändringar här medan du redigerade. Dina ändringar "
	    "är inte sparade, men din text finns kvar nedan. Öppna sidan i en ny flik "
	    "för att se den nya versionen, för över dina ändringar dit och spara där.");
}

char *form_normalize_newlines(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) + 1), *p = out;

	for (; *s; s++) {
		if (*s == '\r') {
			*p++ = '\n';
			if (s[1] == '\n')
				s++;
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	return out;
}

/* The posted value of name; NULL when absent. A repeated name is an error
 * (reported as an invalid value). */
static const char *posted(struct form *f, const char *name, bool *repeated)
{
	size_t i, seen = 0;
	const char *v = NULL;

	for (i = 0; i < f->r->nform; i++)
		if (strcmp(f->r->form[i].key, name) == 0 && seen++ == 0)
			v = f->r->form[i].val;
	*repeated = seen > 1;
	return v;
}

const char *form_text(struct form *f, const char *name, const char *key,
    const char *label, size_t max_chars, unsigned flags)
{
	struct arena *a = f->r->a;
	bool repeated, multi = flags & FF_MULTILINE;
	const char *v = posted(f, name, &repeated);
	size_t n;

	if (v == NULL)
		v = "";
	if (multi)
		v = form_normalize_newlines(a, v);
	n = strlen(v);
	tdict_set(f->d, key, utf8_valid(v, n) ? v : "");
	if (repeated || !utf8_valid(v, n)) {
		form_error(f, key, arena_printf(a, "%s innehåller tecken som inte kan läsas.", label));
		return NULL;
	}
	if (n == 0 || strspn(v, " \t\n") == n) {
		if (!(flags & FF_REQUIRED))
			return "";
		form_error(f, key, arena_printf(a, "%s måste fyllas i.", label));
		return NULL;
	}
	if (utf8_chars(v, n) > max_chars) {
		form_error(f, key, arena_printf(a, "%s får vara högst %zu tecken (nu %zu).",
		    label, max_chars, utf8_chars(v, n)));
		return NULL;
	}
	if (!utf8_text_ok(v, n, multi)) {
		form_error(f, key, arena_printf(a, multi ? "%s innehåller otillåtna kontrolltecken."
		    : "%s får inte innehålla radbrytningar eller kontrolltecken.", label));
		return NULL;
	}
	return v;
}

const char *form_email(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags)
{
	const char *v = form_text(f, name, key, label, 254, flags & FF_REQUIRED);

	if (v == NULL || v[0] == '\0' || valid_email(v))
		return v;
	form_error(f, key, arena_printf(f->r->a,
	    "%s måste vara en e-postadress, till exempel namn@kommun.se.", label));
	return NULL;
}

const char *form_url(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags)
{
	const char *v = form_text(f, name, key, label, 2000, flags & FF_REQUIRED);

	if (v == NULL || v[0] == '\0' || valid_url(v))
		return v;
	form_error(f, key, arena_printf(f->r->a,
	    "%s måste vara en webbadress som börjar med https:// eller http://.", label));
	return NULL;
}

bool form_int(struct form *f, const char *name, const char *key,
    const char *label, long long min, long long max, unsigned flags, long long *out)
{
	const char *v = form_text(f, name, key, label, 20, flags & FF_REQUIRED);

	*out = 0;
	if (v == NULL)
		return false;
	if (v[0] == '\0' || valid_int(v, min, max, out))
		return true;
	form_error(f, key, arena_printf(f->r->a, "%s måste vara ett heltal från %lld till %lld.",
	    label, min, max));
	return false;
}

/* This year in Stockholm. */
static int this_year(void)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

int form_date(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags, struct ymd *out)
{
	const char *v = form_text(f, name, key, label, 40, flags & FF_REQUIRED);

	if (v == NULL)
		return -1;
	if (v[0] == '\0')
		return 0;
	if (when_parse_date(v, this_year(), out) == 0)
		return 1;
	form_error(f, key, arena_printf(f->r->a, "%s kunde inte läsas som ett datum. "
	    "Skriv till exempel 14 mars 2026, 14/3 eller 2026-03-14.", label));
	return -1;
}

int form_clock(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags, int *hour, int *min, int *sec)
{
	const char *v = form_text(f, name, key, label, 20, flags & FF_REQUIRED);

	if (v == NULL)
		return -1;
	if (v[0] == '\0')
		return 0;
	if (when_parse_clock(v, hour, min, sec) == 0)
		return 1;
	form_error(f, key, arena_printf(f->r->a, "%s kunde inte läsas som ett klockslag. "
	    "Skriv till exempel 9.00, 9:00 eller 14.30.", label));
	return -1;
}

int form_date_time(struct form *f, const char *date_name, const char *date_key,
    const char *time_name, const char *time_key, const char *label, unsigned flags,
    time_t *out)
{
	struct ymd d;
	int h = 0, m = 0, sec = 0, rd, rt;

	*out = 0;
	rd = form_date(f, date_name, date_key, label, flags, &d);
	rt = form_clock(f, time_name, time_key, "Klockslaget", 0, &h, &m, &sec);
	if (rd < 0 || rt < 0)
		return -1;
	if (rd == 0) {
		if (rt == 0)
			return 0;
		form_error(f, date_key, arena_printf(f->r->a, "%s saknar datum.", label));
		return -1;
	}
	if (when_local(&d, h, m, sec, out) < 0) {
		form_error(f, date_key, arena_printf(f->r->a, "%s finns inte i kalendern.", label));
		return -1;
	}
	return 1;
}

const char *form_choice(struct form *f, const char *name, const char *key,
    const char *label, const char *const *choices, unsigned flags)
{
	const char *v = form_text(f, name, key, label, 100, flags & FF_REQUIRED);
	size_t i;

	if (v == NULL || v[0] == '\0')
		return v;
	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(v, choices[i]) == 0)
			return v;
	form_error(f, key, arena_printf(f->r->a, "Välj ett av alternativen för %s.", label));
	return NULL;
}

bool form_bool(struct form *f, const char *name, const char *key)
{
	bool repeated;
	char sect[128];

	if (posted(f, name, &repeated) == NULL)
		return false;
	snprintf(sect, sizeof sect, "%s_CHECKED", key);
	tdict_show(f->d, sect);
	return true;
}

bool form_version(struct form *f, long long *out)
{
	if (form_int(f, "version", "VERSION", "Versionen", 1, 1LL << 50, FF_REQUIRED, out))
		return true;
	return false;
}

void form_options(tdict *d, const char *section, const char *const *values,
    const char *const *labels, const char *current)
{
	size_t i;

	for (i = 0; values[i] != NULL; i++) {
		tdict *o = tdict_section(d, section);

		tdict_set(o, "VALUE", values[i]);
		tdict_set(o, "LABEL", labels[i]);
		if (current != NULL && strcmp(current, values[i]) == 0)
			tdict_show(o, "SELECTED");
	}
}

void form_saved(struct form *f, long long rc, const char *done, const char *what)
{
	if (rc < 0) {
		/* The database refused (a full disk, a lock held too long): the
		 * form again, as typed, so nothing is lost. */
		log_msg("500 POST %s: %s: not saved, form shown again", f->r->path, what);
		tdict_set(tdict_section(f->d, "CONFLICT"), "MESSAGE",
		    "Det gick inte att spara just nu på grund av ett fel hos oss. Ingenting är "
		    "sparat, men din text finns kvar nedan. Försök igen om en stund.");
		f->r->no_store = true;
		page_end(f->r, 503);
	} else if (rc == 0) {
		form_conflict(f);
		page_end(f->r, 409);
	} else {
		resp_redirect(f->r, done);
	}
}

int admin_audit(struct req *r, const char *action, const char *item_type,
    long long item_id, const char *summary)
{
	const struct session *s = r->session;

	return audit_log(r->db, s ? s->user_id : 0, s ? s->email : "", action, item_type,
	    item_id, summary);
}
