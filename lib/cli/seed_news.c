/* seed_news.c: hcadmin seed-demo: demo categories and posts written for this project. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "store/db.h"
#include "store/posts.h"
#include "cli/seed.h"
#include "util/timefmt.h"
#include "util/valid.h"

static const struct { const char *slug, *name, *description; } demo_categories[] = {
	{ "natverket", "Nätverket", "Nytt om Healthy Cities Sverige och dess medlemmar." },
	{ "folkhalsa", "Folkhälsa", "Jämlik hälsa i kommuner och regioner." },
	{ "social-hallbarhet", "Social hållbarhet", "Arbetet för ett socialt hållbart samhälle." },
	{ "konferenser", "Konferenser och möten", "Årskonferenser, höstmöten och seminarier." },
};

/* Demo posts: category index, Stockholm time, title, author, Markdown body. */
static const struct { int cat; const char *when, *title, *author, *body; } demo_posts[] = {
	{ 0, "2021-02-15 09:00", "Nätverket välkomnar tre nya medlemmar", "Kansliet",
	  "Under vintern har tre kommuner anslutit sig till Healthy Cities Sverige. "
	  "Nätverket samlar nu kommuner och regioner från hela landet som vill arbeta "
	  "för jämlik hälsa.\n\nVi ser fram emot att lära av varandra under året." },
	{ 3, "2021-05-20 13:00", "Årskonferensen 2021 hölls digitalt", "Kansliet",
	  "Årets konferens samlade över 200 deltagare **digitalt**. Temat var hur "
	  "pandemin påverkat hälsans fördelning.\n\nPresentationerna finns hos kansliet." },
	{ 1, "2021-11-03 10:00", "Ny kunskapsöversikt om psykisk hälsa bland unga", "Anna Lindqvist",
	  "En ny översikt sammanfattar vad kommuner kan göra för att främja ungas "
	  "psykiska hälsa.\n\n- Tidiga insatser i skolan\n- Samverkan med regionen\n"
	  "- Fritid som är tillgänglig för alla" },
	{ 2, "2022-03-14 08:30", "Social hållbarhet i samhällsplaneringen", "Erik Johansson",
	  "Hur kan fysisk planering bidra till minskade skillnader i hälsa? Ett nytt "
	  "seminarium i vår tar upp frågan med exempel från medlemskommunerna." },
	{ 0, "2022-06-21 11:00", "Styrelsen har konstituerat sig", "Kansliet",
	  "Efter årsmötet har den nya styrelsen haft sitt första möte. Ordförande och "
	  "vice ordförande omvaldes." },
	{ 3, "2022-10-12 09:00", "Höstmöte om jämlik hälsa i Örebro", "Kansliet",
	  "Höstmötet hölls i Örebro med fokus på barns uppväxtvillkor. Deltagarna "
	  "besökte flera lokala projekt." },
	{ 1, "2023-01-25 10:00", "WHO:s europeiska nätverk går in i en ny fas", "Anna Lindqvist",
	  "WHO Europa har beslutat om riktningen för nätverkets nästa fas. "
	  "Läs mer på [WHO:s webbplats](https://www.who.int/europe)." },
	{ 2, "2023-04-18 14:00", "Idéskrift om trygghet och delaktighet", "Erik Johansson",
	  "Nätverket ger ut en idéskrift om hur kommuner kan arbeta med trygghet och "
	  "delaktighet i bostadsområden.\n\nSkriften bygger på erfarenheter från sex "
	  "medlemmar." },
	{ 3, "2023-09-28 09:00", "Välkommen till webbinarieserien om folkhälsodata", "Kansliet",
	  "Under hösten arrangeras fyra webbinarier om hur kommuner kan använda data "
	  "för att följa hälsans fördelning." },
	{ 0, "2024-03-14 09:00", "Healthy Cities Sverige fyller 35 år", "Kansliet",
	  "I år är det 35 år sedan nätverket bildades. Vi firar med en jubileumsskrift "
	  "och en särskild session på årskonferensen." },
	{ 1, "2024-06-04 10:30", "Fysisk aktivitet på recept i fler kommuner", "Anna Lindqvist",
	  "Allt fler medlemmar samarbetar med regionen om fysisk aktivitet på recept. "
	  "Erfarenheterna är goda." },
	{ 2, "2024-11-20 13:00", "Barnrättsperspektiv i budgetarbetet", "Erik Johansson",
	  "Hur syns barnens rättigheter i kommunens budget? Tre medlemmar berättar om "
	  "sina arbetssätt." },
	{ 3, "2025-05-15 09:00", "Årskonferensen 2025: rekordmånga deltagare", "Kansliet",
	  "Årskonferensen lockade fler deltagare än någonsin. Temat var social "
	  "hållbarhet i en tid av förändring." },
	{ 0, "2025-10-02 08:00", "Nytt medlemsregister och ny webbplats", "Kansliet",
	  "Nätverket har fått en ny webbplats där medlemmar, evenemang och nyheter "
	  "samlas på ett ställe." },
	{ 1, "2026-09-10 10:00", "Ensamhet bland äldre – ett folkhälsoproblem", "Anna Lindqvist",
	  "Ofrivillig ensamhet påverkar hälsan. Nätverket startar en arbetsgrupp som "
	  "ska samla kunskap och goda exempel." },
};

#define NCAT (sizeof demo_categories / sizeof demo_categories[0])
#define NPOST (sizeof demo_posts / sizeof demo_posts[0])

static int count_posts(struct db *db, long long *n)
{
	static const char sql[] = "SELECT count(*) FROM posts";
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int seed_content(struct db *db)
{
	long long cat[NCAT];
	size_t i;

	for (i = 0; i < NCAT; i++)
		if ((cat[i] = db_category_insert(db, demo_categories[i].slug,
		    demo_categories[i].name, demo_categories[i].description)) < 0)
			return -1;
	for (i = 0; i < NPOST; i++) {
		struct post_input in = {
			.title = demo_posts[i].title, .author = demo_posts[i].author,
			.excerpt = "", .body_md = demo_posts[i].body, .status = "published",
			.category_id = cat[demo_posts[i].cat],
		};
		if (time_parse_local(demo_posts[i].when, &in.published_at) < 0 ||
		    db_post_insert(db, &in) < 0)
			return -1;
	}
	return seed_public(db);
}

/* Reads up to max category ids (in id order) into ids; returns how many, or -1. */
static int category_ids(struct db *db, long long *ids, int max)
{
	static const char sql[] = "SELECT id FROM categories ORDER BY id";
	sqlite3_stmt *st = db_stmt(db, sql);
	int n = 0, rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max)
		ids[n++] = sqlite3_column_int64(st, 0);
	db_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? n : -1;
}

/* Adds n generated posts, one an hour backwards from now, for benchmarks.
 * Every other post goes to the second category (folkhalsa in the demo), so a
 * category holds half of them; the rest take turns among the others. */
static int seed_generated(struct db *db, long long n)
{
	char title[128], body[512];
	time_t now = time(NULL);
	long long i, cats[16];
	int ncat = n > 0 ? category_ids(db, cats, 16) : 0;

	if (ncat < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct post_input in = {
			.title = title, .author = "Kansliet", .excerpt = "", .body_md = body,
			.status = "published", .published_at = now - (time_t)(i + 1) * 3600,
		};
		if (ncat == 1 || (ncat > 1 && i % 2 == 0))
			in.category_id = cats[ncat > 1 ? 1 : 0];
		else if (ncat > 1)
			in.category_id = cats[(i / 2) % ncat];
		snprintf(title, sizeof title, "Genererad nyhet nummer %lld om jämlik hälsa", i + 1);
		snprintf(body, sizeof body, "Det här är nyhet %lld, skapad för prestandamätning. "
		    "Den har **fetstil**, en [länk](https://example.org/) och två stycken.\n\n"
		    "Andra stycket berättar mer om nätverkets arbete.", i + 1);
		if (db_post_insert(db, &in) < 0)
			return -1;
	}
	return 0;
}

int cmd_seed_demo(const struct config *cfg, int argc, char **argv)
{
	long long gen = 0, gen_events = 0, have, *n;
	struct db *db = NULL;
	int rc = 1, i;

	for (i = 1; i < argc; i += 2) {
		n = strcmp(argv[i], "--posts") == 0 ? &gen
		    : strcmp(argv[i], "--events") == 0 ? &gen_events : NULL;
		if (n == NULL || i + 1 == argc) {
			fprintf(stderr, "usage: hcadmin seed-demo [--posts N] [--events N]\n");
			return 2;
		}
		if (!valid_int(argv[i + 1], 1, 1000000, n)) {
			fprintf(stderr, "seed-demo: %s takes a number from 1 to 1000000\n", argv[i]);
			return 2;
		}
	}
	if ((db = db_open(cfg->database)) == NULL || count_posts(db, &have) < 0) {
		fprintf(stderr, "seed-demo: cannot read %s (run hcadmin migrate first)\n",
		    cfg->database);
		goto out;
	}
	if (db_begin(db) < 0)
		goto out;
	if ((have == 0 && seed_content(db) < 0) || seed_generated(db, gen) < 0 ||
	    seed_generated_events(db, gen_events) < 0) {
		db_rollback(db);
		fprintf(stderr, "seed-demo: failed; nothing was added\n");
		goto out;
	}
	if (db_commit(db) < 0)
		goto out;
	if (have == 0)
		printf("demo content loaded: %zu categories, %zu posts, events, members "
		    "and board\n", NCAT, NPOST);
	else
		printf("demo content was loaded already\n");
	if (gen)
		printf("%lld generated posts added\n", gen);
	if (gen_events)
		printf("%lld generated events added\n", gen_events);
	rc = 0;
out:
	db_close(db);
	return rc;
}
