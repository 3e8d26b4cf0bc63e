/* media.c: the named SQL statements for the media library's rows. */
#include "store/media.h"

#include <string.h>

/* Every file query selects these columns of m, in this order (read_media). */
#define COLS \
	"m.id, m.file_name, m.mime_type, m.size_bytes, m.original_name, m.alt_text, m.title, " \
	"m.created_at "

static const char sql_insert[] =
	"INSERT INTO media (file_name, mime_type, size_bytes, original_name,"
	" alt_text, title, uploaded_by, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_list[] =
	"SELECT " COLS "FROM media m ORDER BY m.created_at DESC, m.id DESC LIMIT ?1";
static const char sql_by_id[] =
	"SELECT " COLS "FROM media m WHERE m.id = ?1";
static const char sql_featured[] =
	"SELECT " COLS "FROM posts p JOIN media m ON m.id = p.featured_media_id WHERE p.id = ?1";
static const char sql_programme[] =
	"SELECT " COLS "FROM events e JOIN media m ON m.id = e.programme_media_id WHERE e.id = ?1";
static const char sql_uses[] =
	"SELECT 'post', id, title, slug FROM posts"
	" WHERE featured_media_id = ?1 OR instr(body_md, ?2) > 0"
	" UNION ALL SELECT 'event', id, title, slug FROM events"
	" WHERE programme_media_id = ?1 OR instr(description_md, ?2) > 0"
	" UNION ALL SELECT 'page', id, title, slug FROM pages WHERE instr(body_md, ?2) > 0"
	" LIMIT ?3";
static const char sql_delete[] = "DELETE FROM media WHERE id = ?1";

/* The one reader of a file row. */
static void read_media(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct media *m = out;

	m->id = sqlite3_column_int64(st, 0);
	m->file_name = db_col_dup(a, st, 1);
	m->mime_type = db_col_dup(a, st, 2);
	m->size_bytes = sqlite3_column_int64(st, 3);
	m->original_name = db_col_dup(a, st, 4);
	m->alt_text = db_col_dup(a, st, 5);
	m->title = db_col_dup(a, st, 6);
	m->created_at = db_col_dup(a, st, 7);
}

static void read_use(sqlite3_stmt *st, struct arena *a, void *out)
{
	struct media_use *u = out;

	u->kind = db_col_dup(a, st, 0);
	u->id = sqlite3_column_int64(st, 1);
	u->title = db_col_dup(a, st, 2);
	u->slug = db_col_dup(a, st, 3);
}

long long db_media_insert(struct db *db, const struct media *m, long long user_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, m->file_name);
	db_bind_text(st, 2, m->mime_type);
	sqlite3_bind_int64(st, 3, m->size_bytes);
	db_bind_text(st, 4, m->original_name);
	db_bind_text(st, 5, m->alt_text);
	db_bind_text(st, 6, m->title);
	if (user_id > 0)
		sqlite3_bind_int64(st, 7, user_id);
	db_bind_text(st, 8, m->created_at);
	return db_insert(db, st, "media insert");
}

long long db_media_list(struct db *db, struct arena *a, struct media **out)
{
	sqlite3_stmt *st = db_stmt(db, sql_list);
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, MEDIA_LIST_MAX);
	n = db_step_list(db, st, read_media, a, sizeof **out, MEDIA_LIST_MAX, &items, "media list");
	*out = items;
	return n;
}

/* Runs a one-row file SELECT with ?1 = id. */
static int one(struct db *db, struct arena *a, const char *sql, long long id,
    struct media *out, const char *what)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return db_step_one(db, st, read_media, a, out, what);
}

int db_media_by_id(struct db *db, struct arena *a, long long id, struct media *out)
{
	return one(db, a, sql_by_id, id, out, "media by id");
}

int db_media_featured(struct db *db, struct arena *a, long long post_id,
    struct media *out)
{
	return one(db, a, sql_featured, post_id, out, "featured image");
}

int db_media_programme(struct db *db, struct arena *a, long long event_id,
    struct media *out)
{
	return one(db, a, sql_programme, event_id, out, "event programme");
}

int db_media_kind_ok(struct db *db, struct arena *a, long long id, bool pdf)
{
	struct media m;
	int rc;

	if (id == 0)
		return 1;
	if ((rc = db_media_by_id(db, a, id, &m)) != 1)
		return rc;
	return pdf ? strcmp(m.mime_type, "application/pdf") == 0 : media_is_image(m.mime_type);
}

long long db_media_uses(struct db *db, struct arena *a, const struct media *m,
    struct media_use *out, long long max)
{
	sqlite3_stmt *st = db_stmt(db, sql_uses);
	void *items;
	long long n;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->id);
	db_bind_text(st, 2, arena_printf(a, "/uploads/%s", m->file_name));
	sqlite3_bind_int64(st, 3, max);
	n = db_step_list(db, st, read_use, a, sizeof *out, (size_t)max, &items, "media uses");
	if (n > 0)
		memcpy(out, items, sizeof *out * (size_t)n);
	return n;
}

int db_media_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "media delete");
}
