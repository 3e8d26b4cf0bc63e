/* media.c: the media library's rules (types, names, Markdown) and its rows in the database. */
#include "store/media.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static const struct {
	const char *type, *ext;
	const char *sig;           /* leading bytes */
	size_t siglen;
} types[] = {
	{ "image/jpeg", "jpg", "\xff\xd8\xff", 3 },
	{ "image/png", "png", "\x89PNG\r\n\x1a\n", 8 },
	{ "image/gif", "gif", "GIF8", 4 },
	{ "image/webp", "webp", "RIFF", 4 },
	{ "application/pdf", "pdf", "%PDF-", 5 },
};

#define NTYPES (sizeof types / sizeof types[0])

static int type_index(const char *mime_type)
{
	size_t i;

	for (i = 0; mime_type != NULL && i < NTYPES; i++)
		if (strcmp(types[i].type, mime_type) == 0)
			return (int)i;
	return -1;
}

const char *media_ext(const char *mime_type)
{
	int i = type_index(mime_type);

	return i < 0 ? NULL : types[i].ext;
}

bool media_is_image(const char *mime_type)
{
	return mime_type != NULL && strncmp(mime_type, "image/", 6) == 0 &&
	    type_index(mime_type) >= 0;
}

bool media_signature_ok(const char *mime_type, const char *data, size_t len)
{
	int i = type_index(mime_type);

	if (i < 0 || len < types[i].siglen ||
	    memcmp(data, types[i].sig, types[i].siglen) != 0)
		return false;
	if (strcmp(types[i].type, "image/gif") == 0)
		return len >= 6 && (data[4] == '7' || data[4] == '9') && data[5] == 'a';
	if (strcmp(types[i].type, "image/webp") == 0)
		return len >= 12 && memcmp(data + 8, "WEBP", 4) == 0;
	return true;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

const char *media_name_problem(const char *name)
{
	size_t len = strlen(name);

	if (len == 0)
		return "Filen saknar namn.";
	if (!utf8_text_ok(name, len, false))
		return "Filnamnet innehåller ogiltiga tecken.";
	if (strpbrk(name, "/\\") != NULL)
		return "Filnamnet får inte innehålla mappar (/ eller \\). Välj filen igen.";
	if (utf8_chars(name) > MEDIA_MAX_NAME_CHARS)
		return "Filnamnet är för långt (högst 200 tecken). Byt namn på filen och försök igen.";
	return NULL;
}

/* Copies s with '[', ']' and '\\' escaped for Markdown link text. */
static char *md_escape(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) * 2 + 1), *p = out;

	for (; *s; s++) {
		if (*s == '[' || *s == ']' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p = '\0';
	return out;
}

char *media_markdown(struct arena *a, const struct media *m)
{
	if (media_is_image(m->mime_type))
		return arena_printf(a, "![%s](/uploads/%s)", md_escape(a, m->alt_text),
		    m->file_name);
	return arena_printf(a, "[%s](/uploads/%s)",
	    md_escape(a, m->title[0] ? m->title : m->original_name), m->file_name);
}

void media_size_text(long long bytes, char *buf, size_t n)
{
	char *comma;

	if (bytes < 1000)
		snprintf(buf, n, "%lld byte", bytes);
	else if (bytes < 1000000)
		snprintf(buf, n, "%lld kB", (bytes + 500) / 1000);
	else
		snprintf(buf, n, "%.1f MB", (double)bytes / 1e6);
	if ((comma = strchr(buf, '.')) != NULL)
		*comma = ',';
}

/* ---- rows ---- */

static const char sql_insert[] =
    "INSERT INTO media (file_name, mime_type, size_bytes, original_name,"
    " alt_text, title, uploaded_by, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_list[] =
    "SELECT id, file_name, mime_type, size_bytes, original_name, alt_text, title,"
    " created_at FROM media ORDER BY created_at DESC, id DESC LIMIT ?1";
static const char sql_images[] =
    "SELECT id, file_name, mime_type, size_bytes, original_name, alt_text, title,"
    " created_at FROM media WHERE mime_type LIKE 'image/%'"
    " ORDER BY created_at DESC, id DESC LIMIT ?1";
static const char sql_by_id[] =
    "SELECT id, file_name, mime_type, size_bytes, original_name, alt_text, title,"
    " created_at FROM media WHERE id = ?1";
static const char sql_featured[] =
    "SELECT m.id, m.file_name, m.mime_type, m.size_bytes, m.original_name,"
    " m.alt_text, m.title, m.created_at"
    " FROM posts p JOIN media m ON m.id = p.featured_media_id WHERE p.id = ?1";
static const char sql_uses[] =
    "SELECT 'post', id, title, slug FROM posts"
    " WHERE featured_media_id = ?1 OR instr(body_md, ?2) > 0"
    " UNION ALL SELECT 'event', id, title, slug FROM events"
    " WHERE programme_media_id = ?1 OR instr(description_md, ?2) > 0"
    " UNION ALL SELECT 'page', id, title, slug FROM pages WHERE instr(body_md, ?2) > 0"
    " LIMIT ?3";
static const char sql_delete[] = "DELETE FROM media WHERE id = ?1";

long long db_media_insert(struct db *db, const struct media *m, long long user_id)
{
	sqlite3_stmt *st = db_stmt(db, sql_insert);
	long long id = -1;

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
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(db->h);
	else
		db_log_error(db, "media insert");
	db_done(st);
	return id;
}

/* Copies the current row of a media SELECT into m (strings in a). */
static void row(sqlite3_stmt *st, struct arena *a, struct media *m)
{
	m->id = sqlite3_column_int64(st, 0);
	m->file_name = arena_strdup(a, db_col_text(st, 1));
	m->mime_type = arena_strdup(a, db_col_text(st, 2));
	m->size_bytes = sqlite3_column_int64(st, 3);
	m->original_name = arena_strdup(a, db_col_text(st, 4));
	m->alt_text = arena_strdup(a, db_col_text(st, 5));
	m->title = arena_strdup(a, db_col_text(st, 6));
	m->created_at = arena_strdup(a, db_col_text(st, 7));
}

static long long list(struct db *db, struct arena *a, const char *sql,
    struct media **out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	struct media *m = arena_alloc(a, sizeof *m * MEDIA_LIST_MAX);
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int(st, 1, MEDIA_LIST_MAX);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row(st, a, &m[n++]);
	if (rc != SQLITE_DONE) {
		db_log_error(db, "media list");
		n = -1;
	}
	db_done(st);
	*out = m;
	return n;
}

long long db_media_list(struct db *db, struct arena *a, struct media **out)
{
	return list(db, a, sql_list, out);
}

long long db_media_images(struct db *db, struct arena *a, struct media **out)
{
	return list(db, a, sql_images, out);
}

/* Runs a one-row media SELECT with ?1 = id. */
static int one(struct db *db, struct arena *a, const char *sql, long long id,
    struct media *out)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc, found = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		row(st, a, out);
		found = 1;
	} else if (rc == SQLITE_DONE) {
		found = 0;
	} else {
		db_log_error(db, "media by id");
	}
	db_done(st);
	return found;
}

int db_media_by_id(struct db *db, struct arena *a, long long id, struct media *out)
{
	return one(db, a, sql_by_id, id, out);
}

int db_media_featured(struct db *db, struct arena *a, long long post_id,
    struct media *out)
{
	return one(db, a, sql_featured, post_id, out);
}

long long db_media_uses(struct db *db, struct arena *a, const struct media *m,
    struct media_use *out, long long max)
{
	sqlite3_stmt *st = db_stmt(db, sql_uses);
	long long n = 0;
	int rc;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, m->id);
	db_bind_text(st, 2, arena_printf(a, "/uploads/%s", m->file_name));
	sqlite3_bind_int64(st, 3, max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < max) {
		out[n].kind = arena_strdup(a, db_col_text(st, 0));
		out[n].id = sqlite3_column_int64(st, 1);
		out[n].title = arena_strdup(a, db_col_text(st, 2));
		out[n].slug = arena_strdup(a, db_col_text(st, 3));
		n++;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_log_error(db, "media uses");
		n = -1;
	}
	db_done(st);
	return n;
}

int db_media_delete(struct db *db, long long id)
{
	return db_write_id(db, sql_delete, id, "media delete");
}
