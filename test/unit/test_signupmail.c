/* test_signupmail.c: unit tests for the words of the registration and membership mails. */
#include <criterion/criterion.h>
#include <string.h>

#include "site/signupmail.h"
#include "store/membership.h"
#include "store/registrations.h"
#include "util/timefmt.h"

static struct arena a;

static void setup(void)
{
	time_init();
}

static void teardown(void)
{
	arena_free(&a);
}

TestSuite(signupmail, .init = setup, .fini = teardown);

static struct event sample(void)
{
	struct event e = {
		.id = 7, .slug = "hostmote-2031", .title = "Höstmöte i Umeå", .kind = "hostmote",
		.status = "published", .venue = "Folkets hus", .town = "Umeå", .join_url = "",
	};

	cr_assert_eq(time_parse_local("2031-10-02 09:00", &e.start), 0);
	cr_assert_eq(time_parse_local("2031-10-02 16:00", &e.end), 0);
	return e;
}

Test(signupmail, confirmation_has_when_where_link_and_retention)
{
	struct event e = sample();
	struct mail_words w = signupmail_person(&a, SM_REGISTERED, "https://hc.example", 90, &e,
	    "Åsa", "abc123");

	cr_assert_str_eq(w.subject, "Bekräftelse: Höstmöte i Umeå");
	cr_assert(strstr(w.text, "Hej Åsa!") != NULL);
	cr_assert(strstr(w.text, "När: 2 oktober 2031 kl. 09.00–16.00\n") != NULL, "%s", w.text);
	cr_assert(strstr(w.text, "Var: Folkets hus, Umeå\n") != NULL, "%s", w.text);
	cr_assert(strstr(w.text, "https://hc.example/evenemang/hostmote-2031\n") != NULL);
	cr_assert(strstr(w.text, "https://hc.example/avanmalan/abc123\n") != NULL);
	cr_assert(strstr(w.text, "raderas 90 dagar efter") != NULL);
}

Test(signupmail, waiting_and_promoted_say_so)
{
	struct event e = sample();

	cr_assert_str_eq(signupmail_person(&a, SM_WAITING, "https://hc.example", 30, &e, "B", "t")
	    .subject, "Väntelista: Höstmöte i Umeå");
	cr_assert_str_eq(signupmail_person(&a, SM_PROMOTED, "https://hc.example", 30, &e, "B", "t")
	    .subject, "Du har fått en plats: Höstmöte i Umeå");
}

Test(signupmail, online_event_has_no_empty_place_line)
{
	struct event e = sample();
	struct mail_words w;

	e.online = true;
	e.venue = e.town = "";
	w = signupmail_person(&a, SM_REGISTERED, "https://hc.example", 90, &e, "C", "t");
	cr_assert(strstr(w.text, "Var: Digitalt\n") != NULL, "%s", w.text);
}

Test(signupmail, notices_and_message)
{
	struct event e = sample();
	struct mail_words n = signupmail_notice(&a, "https://hc.example", &e, 7, "Åsa", "Ale kommun",
	    true, 40, 3);
	struct mail_words m = signupmail_message(&a, "https://hc.example", &e, "Ändrad lokal",
	    "Vi ses i aulan.");
	struct mail_words j = joinmail_notice(&a, "https://hc.example", 5, "Ale kommun", "kommun",
	    "Åsa", "Strateg", "asa@ale.example", "", "");

	cr_assert_str_eq(n.subject, "Ny anmälan (väntelista): Höstmöte i Umeå");
	cr_assert(strstr(n.text, "Nu: 40 anmälda, 3 på väntelistan.") != NULL);
	cr_assert(strstr(n.text, "https://hc.example/admin/anmalan/7") != NULL);
	cr_assert_str_eq(m.subject, "Ändrad lokal");
	cr_assert(strncmp(m.text, "Vi ses i aulan.\n\n--\n", 20) == 0, "%s", m.text);
	cr_assert_str_eq(j.subject, "Intresseanmälan: Ale kommun");
	cr_assert(strstr(j.text, "Telefon: –\n") != NULL);
	cr_assert(strstr(j.text, "https://hc.example/admin/intresse/5") != NULL);
	cr_assert(strstr(joinmail_thanks(&a, "Healthy Cities Sverige", "Ale kommun", "Åsa").text,
	    "Hej Åsa!") != NULL);
}

Test(signupmail, labels)
{
	cr_assert_str_eq(reg_attend_label("plats"), "På plats");
	cr_assert_str_eq(reg_attend_label("digitalt"), "Digitalt");
	cr_assert_str_eq(reg_attend_label(""), "");
	cr_assert_str_eq(membership_status_label("declined"), "Avböjd");
	cr_assert_str_eq(membership_status_label("okänd"), "okänd");
}
