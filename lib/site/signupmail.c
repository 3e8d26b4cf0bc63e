/* signupmail.c: the words of the registration and membership mails. */
#include "site/signupmail.h"

#include "site/eventfmt.h"

/* "Tisdag ... Stadshuset, Malmö" lines common to the mails about e. */
static const char *event_lines(struct arena *a, const char *site_url, const struct event *e)
{
	char when[96];
	const char *place = event_place(a, e);

	event_when_sv(e->all_day, e->start, e->end, when, sizeof when);
	return arena_printf(a, "%s\nNär: %s\n%s%s%sMer om evenemanget: %s/evenemang/%s\n",
	    e->title, when, place[0] ? "Var: " : "", place, place[0] ? "\n" : "",
	    site_url, e->slug);
}

struct mail_words signupmail_person(struct arena *a, enum signup_mail kind,
    const char *site_url, int days, const struct event *e, const char *name,
    const char *token)
{
	struct mail_words w;
	const char *what;

	switch (kind) {
	case SM_WAITING:
		w.subject = arena_printf(a, "Väntelista: %s", e->title);
		what = "Evenemanget är fullbokat, så du står på väntelistan. Blir en plats "
		    "ledig får du den i tur och ordning, och ett mejl om det.";
		break;
	case SM_PROMOTED:
		w.subject = arena_printf(a, "Du har fått en plats: %s", e->title);
		what = "En plats har blivit ledig och den är nu din. Kalenderfilen är bifogad. "
		    "Din tidigare avanmälningslänk gäller inte längre; använd den nedan.";
		break;
	default:
		w.subject = arena_printf(a, "Bekräftelse: %s", e->title);
		what = "Tack för din anmälan. Du har en plats. Kalenderfilen är bifogad, så att "
		    "du kan lägga in evenemanget i din kalender.";
		break;
	}
	w.text = arena_printf(a,
	    "Hej %s!\n\n%s\n\n%s\n"
	    "Kan du inte komma? Avanmäl dig här, så får någon annan platsen:\n"
	    "%s/avanmalan/%s\n\n"
	    "Dina uppgifter raderas %d dagar efter evenemanget.\n",
	    name, what, event_lines(a, site_url, e), site_url, token, days);
	return w;
}

struct mail_words signupmail_notice(struct arena *a, const char *site_url,
    const struct event *e, long long event_id, const char *name, const char *organisation,
    bool waiting, long long registered, long long wait)
{
	struct mail_words w;

	w.subject = arena_printf(a, "Ny anmälan%s: %s", waiting ? " (väntelista)" : "", e->title);
	w.text = arena_printf(a,
	    "%s, %s, har anmält sig%s.\n\n%s\nNu: %lld anmälda, %lld på väntelistan.\n"
	    "Alla anmälningar: %s/admin/anmalan/%lld\n",
	    name, organisation, waiting ? " till väntelistan" : "", event_lines(a, site_url, e),
	    registered, wait, site_url, event_id);
	return w;
}

struct mail_words signupmail_message(struct arena *a, const char *site_url,
    const struct event *e, const char *subject, const char *text)
{
	struct mail_words w;

	w.subject = subject;
	w.text = arena_printf(a, "%s\n\n--\nDu får det här meddelandet för att du är anmäld till:\n%s",
	    text, event_lines(a, site_url, e));
	return w;
}

struct mail_words joinmail_notice(struct arena *a, const char *site_url, long long id,
    const char *organisation, const char *kind, const char *contact, const char *role,
    const char *email, const char *phone, const char *message)
{
	struct mail_words w;

	w.subject = arena_printf(a, "Intresseanmälan: %s", organisation);
	w.text = arena_printf(a,
	    "%s (%s) vill bli medlem.\n\nKontaktperson: %s, %s\nE-post: %s\nTelefon: %s\n\n"
	    "Meddelande:\n%s\n\nHantera: %s/admin/intresse/%lld\n",
	    organisation, kind, contact, role, email, phone[0] ? phone : "–",
	    message[0] ? message : "–", site_url, id);
	return w;
}

struct mail_words joinmail_thanks(struct arena *a, const char *site_name,
    const char *organisation, const char *contact)
{
	struct mail_words w;

	w.subject = arena_printf(a, "Tack för ert intresse för %s", site_name);
	w.text = arena_printf(a,
	    "Hej %s!\n\nVi har tagit emot intresseanmälan för %s och hör av oss så snart vi kan.\n\n"
	    "Vänliga hälsningar\n%s\n", contact, organisation, site_name);
	return w;
}
