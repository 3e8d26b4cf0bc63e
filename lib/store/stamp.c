/* stamp.c: the data stamp and the next time-dependent change, the one rule of the caches. */
#include "store/stamp.h"

#include "util/timefmt.h"

static const char sql_data_version[] = "PRAGMA data_version";

/* The first moment after ?1 at which public content changes by itself. */
static const char sql_next_change[] =
	"SELECT min(t) FROM ("
	" SELECT min(published_at) AS t FROM posts"
	"  WHERE status = 'published' AND published_at > ?1"
	" UNION ALL SELECT min(starts_at) FROM events WHERE starts_at > ?1"
	" UNION ALL SELECT min(ends_at) FROM events WHERE ends_at > ?1)";

void stamp_attach(struct db *db, struct stamp_memo *m)
{
	db->memo = m;
	if (m != NULL)
		*m = (struct stamp_memo){ 0 };
}

/* Makes db's memo true for now, dropping what may not be. Returns the memo,
 * or NULL when there is none to use. */
static struct stamp_memo *fresh_memo(struct db *db)
{
	struct stamp_memo *m = db->memo;
	time_t now = time(NULL);
	struct stamp s;

	if (m == NULL || stamp_read(db, &s) < 0)
		return NULL;
	if (m->valid && stamp_same(&s, &m->at) && now < m->until)
		return m;
	*m = (struct stamp_memo){ 0 };
	m->until = now + 24 * 3600;
	if (stamp_next_change(db, now, &m->until) < 0)
		return NULL;
	m->at = s;
	m->valid = true;
	return m;
}

int stamp_memo_get(struct db *db, const char *key, long long *value)
{
	struct stamp_memo *m = fresh_memo(db);
	size_t i;

	for (i = 0; m != NULL && i < STAMP_MEMO_SLOTS; i++)
		if (m->v[i].key == key) {
			*value = m->v[i].value;
			return 1;
		}
	return 0;
}

void stamp_memo_put(struct db *db, const char *key, long long value)
{
	struct stamp_memo *m = db->memo;
	size_t i;

	if (m == NULL || !m->valid)
		return;
	for (i = 0; i < STAMP_MEMO_SLOTS; i++)
		if (m->v[i].key == key || m->v[i].key == NULL) {
			m->v[i].key = key;
			m->v[i].value = value;
			return;
		}
}

int stamp_read(struct db *db, struct stamp *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_data_version);

	if (st == NULL || db_step_int(db, st, &out->version, "data version") < 0)
		return -1;
	out->changes = sqlite3_total_changes64(db->h);
	return 0;
}

bool stamp_same(const struct stamp *a, const struct stamp *b)
{
	return a->version == b->version && a->changes == b->changes;
}

int stamp_next_change(struct db *db, time_t now, time_t *until)
{
	sqlite3_stmt *st = db_stmt(db, sql_next_change);
	time_t t;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_time(st, 1, now);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    time_parse_utc(db_col_text(st, 0), &t) == 0 && t < *until)
		*until = t;
	if (rc != SQLITE_ROW)
		db_log_error(db, "next change");
	db_done(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int db_data_stamp(struct db *db, long long *version, long long *changes)
{
	struct stamp s;

	if (stamp_read(db, &s) < 0)
		return -1;
	*version = s.version;
	*changes = s.changes;
	return 0;
}
