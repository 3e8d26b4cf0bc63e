/* test_collate.c: unit tests for the Swedish collation. */
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <string.h>

#include "util/collate.h"
#include "store/db.h"

static int cmp(const char *a, const char *b)
{
	return collate_sv(a, strlen(a), b, strlen(b));
}

Test(collate, swedish_letters_after_z)
{
	cr_assert_lt(cmp("Zinkgruvan", "Ängelholm"), 0);
	cr_assert_lt(cmp("Åre", "Älmhult"), 0);
	cr_assert_lt(cmp("Älmhult", "Ängelholm"), 0);
	cr_assert_lt(cmp("Ängelholm", "Örebro"), 0);
	cr_assert_lt(cmp("Zebra", "åsna"), 0);
	cr_assert_lt(cmp("Oslo", "Örebro"), 0);
	cr_assert_lt(cmp("Örebro", "Östersund"), 0);
}

Test(collate, case_and_accents)
{
	cr_assert_lt(cmp("abc", "ABD"), 0);
	cr_assert_lt(cmp("Écija", "Falun"), 0);
	cr_assert_gt(cmp("Écija", "Dals-Ed"), 0);
	cr_assert_lt(cmp("Müller", "Mz"), 0);      /* ü as y */
	cr_assert_gt(cmp("Müller", "Mx"), 0);
	cr_assert_eq(cmp("Øre", "Öre") != 0, 1);   /* equal letters, told apart by bytes */
	cr_assert_lt(cmp("Øre", "Ös"), 0);
	cr_assert_eq(cmp("Malmö", "Malmö"), 0);
	cr_assert_lt(cmp("Malm", "Malmö"), 0);
	cr_assert_lt(cmp("Upplands Väsby", "Upplandsbro"), 0);
	cr_assert_lt(cmp("2 kommuner", "A"), 0);
}

Test(collate, total_order_on_odd_bytes)
{
	const char bad[] = "\xC3";   /* a cut character */

	cr_assert_gt(collate_sv(bad, 1, "z", 1), 0);
	cr_assert_lt(collate_sv("z", 1, bad, 1), 0);
	cr_assert_eq(collate_sv(bad, 1, bad, 1), 0);
	cr_assert_eq(collate_sv("", 0, "", 0), 0);
	cr_assert_lt(collate_sv("", 0, "a", 1), 0);
}

Test(collate, registered_with_sqlite)
{
	static const char *const want[] = { "Aby", "Zinkgruvan", "Åre", "Ängelholm", "Örebro" };
	sqlite3 *h;
	sqlite3_stmt *st;
	size_t i = 0;

	cr_assert_eq(sqlite3_open(":memory:", &h), SQLITE_OK);
	cr_assert_eq(db_register_extras(h), SQLITE_OK);
	cr_assert_eq(sqlite3_exec(h, "CREATE TABLE t (n TEXT);"
	    "INSERT INTO t VALUES ('Örebro'), ('Ängelholm'), ('Zinkgruvan'), ('Åre'), ('Aby');",
	    NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(sqlite3_prepare_v2(h, "SELECT n FROM t ORDER BY n COLLATE swedish", -1,
	    &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		cr_assert_str_eq((const char *)sqlite3_column_text(st, 0), want[i++]);
	cr_assert_eq(i, 5);
	sqlite3_finalize(st);
	sqlite3_close(h);
}
