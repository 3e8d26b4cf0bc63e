/* audit.c: writing rows of the audit log. */
#include "store/audit.h"

#include <string.h>

#include "util/timefmt.h"

#define SUMMARY_MAX 200

static const char sql_insert[] =
	"INSERT INTO audit_log (at, user_id, user_email, action, item_type, item_id, summary) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char sql_page[] =
	"SELECT id, coalesce(item_id, 0), at, user_email, action, item_type, summary "
	"FROM audit_log ORDER BY at DESC, id DESC LIMIT ?1 OFFSET ?2";
static const char sql_count[] =
	"SELECT count(*) FROM audit_log";
static const char sql_changes[] =
	"SELECT id, coalesce(item_id, 0), at, user_email, action, item_type, summary "
	"FROM audit_log WHERE item_type <> 'user' "
	"ORDER BY at DESC, id DESC LIMIT ?1";

static void read_entry(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct audit_entry *e = out;

	e->id = sqlite3_column_int64(st, 0);
	e->item_id = sqlite3_column_int64(st, 1);
	e->at = db_col_dup(a, st, 2);
	e->user_email = db_col_dup(a, st, 3);
	e->action = db_col_dup(a, st, 4);
	e->item_type = db_col_dup(a, st, 5);
	e->summary = db_col_dup(a, st, 6);
}

/* Cuts s to at most max bytes without splitting a UTF-8 character. */
static size_t cut_utf8(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

int audit_log(struct db *db, long long user_id, const char *email,
    const char *action, const char *item_type, long long item_id, const char *summary)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	char now[TIME_UTC_LEN];

	if (st == NULL)
		return -1;
	db_now(now);
	db_bind_text(st, 1, now);
	if (user_id > 0)
		sqlite3_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, email ? email : "");
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, item_type);
	if (item_id > 0)
		sqlite3_bind_int64(st, 6, item_id);
	summary = summary ? summary : "";
	sqlite3_bind_text(st, 7, summary, (int)cut_utf8(summary, SUMMARY_MAX), SQLITE_TRANSIENT);
	return db_write(db, st, "audit log") < 0 ? -1 : 0;
}

int db_audit_page(struct db *db, struct arena *a, long long page, int per,
    struct audit_entry **out, size_t *n, long long *total)
{
	sqlite3_stmt *st = db_stmt(db, sql_count);
	void *items;
	long long got;

	*n = 0;
	*total = 0;
	if (st == NULL || db_step_int(db, st, total, "count audit log") < 0 ||
	    (st = db_stmt(db, sql_page)) == NULL)
		return -1;
	sqlite3_bind_int(st, 1, per);
	sqlite3_bind_int64(st, 2, (page - 1) * per);
	got = db_step_list(db, st, read_entry, a, sizeof **out, (size_t)per, &items, "audit page");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

int db_audit_changes(struct db *db, struct arena *a, int per,
    struct audit_entry **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql_changes);
	void *items;
	long long got;

	*n = 0;
	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, per);
	got = db_step_list(db, st, read_entry, a, sizeof **out, (size_t)per, &items, "audit changes");
	*out = items;
	*n = got > 0 ? (size_t)got : 0;
	return got < 0 ? -1 : 0;
}

/* Looks word up in a NULL-ended list of {word, Swedish} pairs. */
static const char *swedish(const char *const (*words)[2], const char *word)
{
	for (; (*words)[0] != NULL; words++)
		if (strcmp((*words)[0], word) == 0)
			return (*words)[1];
	return word;
}

const char *audit_phrase(struct arena *a, const char *action, const char *item_type)
{
	static const char *const actions[][2] = {
		{ "create", "skapade" }, { "update", "ändrade" }, { "publish", "publicerade" },
		{ "delete", "raderade" }, { "login", "loggade in" }, { "logout", "loggade ut" },
		{ "disable", "stängde av" }, { "passwd", "bytte lösenord för" },
		{ "unlock", "låste upp inloggningen för" },
		{ "upload", "laddade upp" }, { "schedule", "schemalade" },
		{ "unpublish", "avpublicerade" }, { "restore", "återställde en version av" },
		{ NULL, NULL },
	};
	static const char *const types[][2] = {
		{ "post", "nyhet" }, { "event", "evenemang" }, { "member", "medlem" },
		{ "board", "styrelseplats" }, { "page", "sida" }, { "media", "fil" },
		{ "user", "användare" }, { NULL, NULL },
	};

	if (strcmp(action, "login") == 0 || strcmp(action, "logout") == 0)
		return swedish(actions, action);
	return arena_printf(a, "%s %s", swedish(actions, action), swedish(types, item_type));
}
