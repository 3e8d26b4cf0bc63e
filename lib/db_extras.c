/* db_extras.c: collations and SQL functions registered on every connection. */
#include "db.h"

#include "collate.h"

static int swedish(void *ctx, int alen, const void *a, int blen, const void *b)
{
	(void)ctx;
	return collate_sv(a, (size_t)alen, b, (size_t)blen);
}

int db_register_extras(sqlite3 *h)
{
	return sqlite3_create_collation_v2(h, "swedish", SQLITE_UTF8, NULL, swedish, NULL);
}
