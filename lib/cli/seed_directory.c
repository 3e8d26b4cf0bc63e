/* seed_directory.c: demo events, member organisations and board for hcadmin seed-demo. */
#include "cli/seed.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "store/events.h"
#include "store/board.h"
#include "store/members.h"

/* Demo events, dated relative to the day the seed runs: days from today,
 * Stockholm clock times (NULL for whole days), days it lasts. */
static const struct {
	int day;
	const char *from, *to;     /* "HH:MM", or NULL for a whole-day event */
	int days;                  /* whole-day events: how many days */
	const char *title, *kind, *status;
	int online;
	const char *venue, *town, *join, *reg, *programme, *body;
	int reg_days_before;       /* last registration day, days before the start; -1 none */
} demo_events[] = {
	{ -420, NULL, NULL, 2, "Årskonferens om barns uppväxtvillkor", "arskonferens", "published",
	  0, "Konserthuset", "Helsingborg", "", "", "",
	  "Två dagar om hur kommuner och regioner kan ge alla barn en god start i livet.", -1 },
	{ -200, "13:00", "16:00", 0, "Seminarium: trygghet i bostadsområden", "seminarium",
	  "published", 0, "Stadshuset", "Norrköping", "", "", "",
	  "Erfarenheter från medlemmarnas arbete med trygghet, delaktighet och "
	  "**platssamverkan**.", -1 },
	{ -60, "09:00", "11:00", 0, "Webbinarium om folkhälsodata", "webbinarium", "published",
	  1, "", "", "https://example.org/mote/folkhalsodata", "", "",
	  "Hur kan kommunen följa hälsans fördelning? Vi visar verktyg och goda exempel.", -1 },
	{ -10, "10:00", "15:00", 0, "Tematiskt möte: ensamhet bland äldre", "tematiskt-mote",
	  "cancelled", 0, "Kulturhuset", "Umeå", "", "", "",
	  "Mötet ställs in och ersätts av ett webbinarium i vår.", -1 },
	{ 12, "09:00", "12:00", 0, "Webbinarium: jämlik hälsa i budgetarbetet", "webbinarium",
	  "published", 1, "", "", "https://example.org/mote/budget",
	  "https://example.org/anmalan/budget", "",
	  "Tre medlemmar berättar hur de gör hälsans fördelning synlig i budgeten.\n\n"
	  "- Örebro kommun\n- Region Gävleborg\n- Malmö stad", 2 },
	{ 30, NULL, NULL, 3, "Årskonferensen: social hållbarhet i förändringens tid",
	  "arskonferens", "published", 0, "Kongresshuset", "Östersund", "",
	  "https://example.org/anmalan/arskonferens", "https://example.org/program.pdf",
	  "Nätverkets årskonferens med föreläsningar, studiebesök och årsmöte.\n\n"
	  "Konferensen är öppen för förtroendevalda och tjänstepersoner hos medlemmarna.", 10 },
	{ 45, "13:00", "16:30", 0, "Höstmöte i Jönköping", "hostmote", "cancelled", 0,
	  "Rådhuset", "Jönköping", "", "https://example.org/anmalan/hostmote", "",
	  "Höstmötet är inställt. Ett nytt datum meddelas senare.", 5 },
	{ 70, NULL, NULL, 1, "Seminarium om fysisk aktivitet på recept", "seminarium",
	  "published", 0, "Folkets hus", "Luleå", "", "", "",
	  "En dag om samverkan mellan kommun och region kring fysisk aktivitet.", -1 },
	{ 100, "09:30", "15:00", 0, "Utkast: planeringsdag för styrelsen", "annat", "draft", 0,
	  "Kansliet", "Stockholm", "", "", "", "Visas inte för allmänheten.", -1 },
};

/* Member organisations: name, kind, county, website, year joined, active. */
static const struct member demo_members[] = {
	{ 0, "Region Gävleborg", "region", "Gävleborgs län", "https://www.regiongavleborg.se", 1995, 1 },
	{ 0, "Region Skåne", "region", "Skåne län", "https://www.skane.se", 2001, 1 },
	{ 0, "Region Västerbotten", "region", "Västerbottens län", "https://www.regionvasterbotten.se", 2010, 1 },
	{ 0, "Region Örebro län", "region", "Örebro län", "https://www.regionorebrolan.se", 1998, 1 },
	{ 0, "Region Östergötland", "region", "Östergötlands län", "https://www.regionostergotland.se", 2005, 1 },
	{ 0, "Region Jämtland Härjedalen", "region", "Jämtlands län", "", 2012, 1 },
	{ 0, "Botkyrka kommun", "kommun", "Stockholms län", "https://www.botkyrka.se", 1992, 1 },
	{ 0, "Helsingborgs stad", "kommun", "Skåne län", "https://helsingborg.se", 1990, 1 },
	{ 0, "Jönköpings kommun", "kommun", "Jönköpings län", "https://www.jonkoping.se", 1996, 1 },
	{ 0, "Luleå kommun", "kommun", "Norrbottens län", "https://www.lulea.se", 2003, 1 },
	{ 0, "Malmö stad", "kommun", "Skåne län", "https://malmo.se", 1989, 1 },
	{ 0, "Norrköpings kommun", "kommun", "Östergötlands län", "https://www.norrkoping.se", 1993, 1 },
	{ 0, "Umeå kommun", "kommun", "Västerbottens län", "https://www.umea.se", 1999, 1 },
	{ 0, "Zinkgruvan", "kommun", "Örebro län", "", 2020, 1 },
	{ 0, "Ängelholms kommun", "kommun", "Skåne län", "https://www.engelholm.se", 2008, 1 },
	{ 0, "Älmhults kommun", "kommun", "Kronobergs län", "https://www.almhult.se", 2015, 1 },
	{ 0, "Åre kommun", "kommun", "Jämtlands län", "https://www.are.se", 2011, 1 },
	{ 0, "Östersunds kommun", "kommun", "Jämtlands län", "https://www.ostersund.se", 1997, 1 },
	{ 0, "Örebro kommun", "kommun", "Örebro län", "https://www.orebro.se", 1991, 1 },
	{ 0, "Eskilstuna kommun", "kommun", "Södermanlands län", "https://www.eskilstuna.se", 2002, 1 },
	{ 0, "Gävle kommun", "kommun", "Gävleborgs län", "https://www.gavle.se", 1994, 0 },
};

/* Board seats with invented names: the member is an index into demo_members. */
static const struct { const char *name, *role, *party; int member; } demo_board[] = {
	{ "Ylva Berglund", "ledamot", "C", 9 },
	{ "Karin Åkesson", "ordforande", "S", 10 },
	{ "Öjvind Lund", "ledamot", "M", 18 },
	{ "Amir Haddad", "vice_ordforande", "M", 3 },
	{ "Lena Ekström", "ledamot", "V", 1 },
	{ "Per Östlund", "ersattare", "KD", 17 },
	{ "Sara Nilsson", "ersattare", "S", 6 },
	{ "Emil Åberg", "ledamot", "L", 14 },
};

#define N(x) (sizeof (x) / sizeof (x)[0])

/* Stockholm time day days from today at "HH:MM" (midnight when hm is NULL). */
static time_t local_day(time_t now, int day, const char *hm)
{
	struct tm tm;
	int h = 0, m = 0;

	localtime_r(&now, &tm);
	if (hm != NULL)
		sscanf(hm, "%d:%d", &h, &m);
	tm.tm_mday += day;
	tm.tm_hour = h;
	tm.tm_min = m;
	tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The Stockholm date days after t, as YYYY-MM-DD, into buf. */
static void date_after(time_t t, int days, char buf[16])
{
	struct tm tm;

	t = local_day(t, days, NULL);
	localtime_r(&t, &tm);
	strftime(buf, 16, "%Y-%m-%d", &tm);
}

static int seed_events(struct db *db, time_t now)
{
	char until[16];
	size_t i;

	for (i = 0; i < N(demo_events); i++) {
		struct event_input in = {
			.title = demo_events[i].title, .kind = demo_events[i].kind,
			.status = demo_events[i].status, .online = demo_events[i].online,
			.all_day = demo_events[i].from == NULL,
			.venue = demo_events[i].venue, .town = demo_events[i].town,
			.join_url = demo_events[i].join, .description_md = demo_events[i].body,
			.registration_url = demo_events[i].reg,
			.programme_url = demo_events[i].programme,
		};
		in.start = local_day(now, demo_events[i].day, demo_events[i].from);
		in.end = in.all_day ? local_day(now, demo_events[i].day + demo_events[i].days, NULL)
		    : local_day(now, demo_events[i].day, demo_events[i].to);
		if (demo_events[i].reg_days_before >= 0) {
			date_after(in.start, -demo_events[i].reg_days_before, until);
			in.registration_until = until;
		}
		if (db_event_insert(db, &in) < 0)
			return -1;
	}
	return 0;
}

static int seed_members(struct db *db, time_t now)
{
	long long id[N(demo_members)];
	struct tm tm;
	size_t i;

	for (i = 0; i < N(demo_members); i++)
		if ((id[i] = db_member_insert(db, &demo_members[i])) < 0)
			return -1;
	localtime_r(&now, &tm);
	for (i = 0; i < N(demo_board); i++) {
		struct board_seat s = {
			.name = demo_board[i].name, .role = demo_board[i].role,
			.party = demo_board[i].party, .term_start = tm.tm_year + 1900 - 1,
			.term_end = tm.tm_year + 1900 + 1,
		};
		if (db_board_seat_insert(db, &s, id[demo_board[i].member]) < 0)
			return -1;
	}
	return 0;
}

int seed_public(struct db *db)
{
	time_t now = time(NULL);

	return seed_events(db, now) < 0 || seed_members(db, now) < 0 ? -1 : 0;
}

int seed_generated_events(struct db *db, long long n)
{
	char title[128], body[256];
	time_t now = time(NULL);
	long long i;

	for (i = 0; i < n; i++) {
		struct event_input in = {
			.title = title, .kind = i % 3 ? "seminarium" : "webbinarium",
			.status = i % 17 ? "published" : "cancelled", .online = i % 3 == 0,
			.venue = "Stadshuset", .town = "Västerås", .join_url = "",
			.description_md = body, .registration_url = "", .programme_url = "",
		};
		/* One every other day, half of them past, at 09.00–12.00. */
		in.start = local_day(now, (int)(2 * (i - n / 2)), "09:00");
		in.end = in.start + 3 * 3600;
		snprintf(title, sizeof title, "Genererat evenemang nummer %lld", i + 1);
		snprintf(body, sizeof body, "Evenemang %lld, skapat för prestandamätning, "
		    "med **fetstil** och en [länk](https://example.org/).", i + 1);
		if (db_event_insert(db, &in) < 0)
			return -1;
	}
	return 0;
}
