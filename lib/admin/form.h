/* form.h: what every admin page shares: the admin layout, posted fields
 * read with a validator and a Swedish message, forms re-rendered as typed, and
 * optimistic concurrency through a `version` column.
 *
 * How an edit page uses it (see lib/page_admin_posts.c for a whole example):
 *
 *   tdict *d = admin_begin(r, "admin_x_form.tpl", "Redigera", "/admin/x");
 *   struct form f;
 *   form_start(&f, r, d);                         // r->form was read by the guard
 *   const char *title = form_text(&f, "title", "TITLE", "Rubriken", 200, FF_REQUIRED);
 *   long long version;
 *   form_version(&f, &version);
 *   if (!form_ok(&f)) { page_end(r, 422); return; }   // every field shown as typed
 *   ... UPDATE x SET ..., version = version + 1 WHERE id = ?1 AND version = ?2
 *   if (sqlite3_changes(r->db->h) == 0) { form_conflict(&f); page_end(r, 409); }
 *
 * Template conventions for a field with key KEY (see templates/admin_post_form.tpl):
 *   value as typed:  value="{{KEY}}"  or  <textarea ...>{{KEY:p}}</textarea>
 *   its message:     {{#KEY_ERROR}}<p class="field-error" id="KEY-fel">{{MESSAGE}}</p>{{/KEY_ERROR}}
 *   invalid marker:  <input ... {{#KEY_ERROR}}aria-invalid="true" aria-describedby="KEY-fel"{{/KEY_ERROR}}>
 *   summary on top:  {{#FORM_ERRORS}}<p class="form-message" role="alert">Formuläret har {{COUNT}} fel.
 *                    Rätta de markerade fälten och spara igen.</p>{{/FORM_ERRORS}}
 *   conflict:        {{#CONFLICT}}<p class="form-message conflict" role="alert">{{MESSAGE}}</p>{{/CONFLICT}}
 *   every form:      <input type="hidden" name="csrf" value="{{CSRF}}">
 *   edit forms:      <input type="hidden" name="version" value="{{VERSION}}">
 */
#ifndef HC_ADMIN_FORM_H
#define HC_ADMIN_FORM_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "http/req.h"
#include "store/sessions.h"
#include "util/tmpl.h"
#include "util/whenparse.h"

/* Starts an admin page: the site layout with the admin navigation (nav: the
 * current admin path such as "/admin/nyheter", or NULL), the CSP that lets
 * the editor's script /static/desk.js run (req.h desk_script), Cache-Control:
 * no-store, and CSRF set in the returned page dictionary (also USER_NAME).
 * Sections of the page dictionary inherit CSRF. Needs r->session (routes
 * with R_LOGIN). Returns the page template's dictionary (owned by r). */
tdict *admin_begin(struct req *r, const char *tpl, const char *title, const char *nav);

/* Writes the audit row of a change made in r by its logged-in user
 * (audit_log in store/audit.h). Returns 0 or -1. */
int admin_audit(struct req *r, const char *action, const char *item_type,
    long long item_id, const char *summary);

/* One posted form being read and checked. */
struct form {
	struct req *r;
	tdict *d;          /* where values as typed and messages go */
	int errors;        /* fields with a message so far */
};

enum form_flags {
	FF_REQUIRED = 1,   /* empty is an error */
	FF_MULTILINE = 2,  /* newlines allowed (CRLF is stored as LF) */
};

/* Starts reading r->form into d. The form must have been read (the R_CSRF
 * guard does that for POST routes). */
void form_start(struct form *f, struct req *r, tdict *d);
/* Reads text field name: sets KEY to the value as typed and checks it: given
 * when FF_REQUIRED, at most max_chars characters, valid UTF-8, no control
 * characters (and no newlines unless FF_MULTILINE). label is the field's name
 * in messages ("Rubriken"). Returns the value (leading and trailing spaces
 * kept as typed; arena), "" when absent and allowed, or NULL after setting
 * the message. */
const char *form_text(struct form *f, const char *name, const char *key,
    const char *label, size_t max_chars, unsigned flags);
/* An e-mail address (valid_email); "" allowed unless FF_REQUIRED. */
const char *form_email(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags);
/* An http(s) URL (valid_url); "" allowed unless FF_REQUIRED. Refuses
 * javascript: and every other scheme. */
const char *form_url(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags);
/* An integer in [min, max]. Empty and not FF_REQUIRED: *out = 0 and true.
 * Returns true when valid. */
bool form_int(struct form *f, const char *name, const char *key,
    const char *label, long long min, long long max, unsigned flags, long long *out);
/* A date as typed ("14 mars 2026", "14/3", ...; no year: this year) or as
 * <input type="date"> sends it (util/whenparse.h). Returns 1 given and valid
 * (*out set), 0 empty and allowed (not FF_REQUIRED), -1 after the message. */
int form_date(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags, struct ymd *out);
/* A time of day as typed ("9.00", "9:00", "kl. 9") or as <input type="time">
 * sends it. Returns 1 given and valid (*hour, *min, *sec set), 0 empty and
 * allowed, -1 after the message. */
int form_clock(struct form *f, const char *name, const char *key,
    const char *label, unsigned flags, int *hour, int *min, int *sec);
/* A date field and a time field read as one Stockholm time; the time may be
 * left out (midnight) unless FF_REQUIRED asks for both. Returns 1 given (*out
 * set), 0 both empty and allowed, -1 after a message. */
int form_date_time(struct form *f, const char *date_name, const char *date_key,
    const char *time_name, const char *time_key, const char *label, unsigned flags,
    time_t *out);
/* One of choices (NULL-terminated). Returns the value, "" when absent and
 * allowed, or NULL after setting the message. */
const char *form_choice(struct form *f, const char *name, const char *key,
    const char *label, const char *const *choices, unsigned flags);
/* A checkbox: true when posted with any value; shows section KEY_CHECKED. */
bool form_bool(struct form *f, const char *name, const char *key);
/* The hidden "version" field of an edit form (sets VERSION). */
bool form_version(struct form *f, long long *out);
/* Sets a message at the field KEY (KEY_ERROR section, MESSAGE) and counts it. */
void form_error(struct form *f, const char *key, const char *message);
/* True when no field has a message; otherwise also shows FORM_ERRORS (COUNT). */
bool form_ok(struct form *f);
/* Shows CONFLICT with the standard message for a save refused because someone
 * else saved the item first (0 rows changed by UPDATE ... AND version = ?). */
void form_conflict(struct form *f);

/* Answers the POST of a save whose write returned rc: rc < 0 is the form
 * again as typed with a "not saved, try again" message (503; what goes to
 * the log), rc == 0 the conflict message on the form as typed (409),
 * anything else a 303 to done, a local path. */
void form_saved(struct form *f, long long rc, const char *done, const char *what);
/* Adds one repetition of section per option with VALUE, LABEL and the section
 * SELECTED shown on the one equal to current (for <select> re-rendering). */
void form_options(tdict *d, const char *section, const char *const *values,
    const char *const *labels, const char *current);
/* Copies s with every CR LF (and lone CR) turned into LF, into arena a. Pure. */
char *form_normalize_newlines(struct arena *a, const char *s);

#endif
