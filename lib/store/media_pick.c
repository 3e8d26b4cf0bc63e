/* media_pick.c: choosing library files elsewhere: a post's featured image, an event's programme PDF. */
#include "store/media.h"

#include <string.h>

static const char sql_set_featured[] =
    "UPDATE posts SET featured_media_id = ?2 WHERE id = ?1";
static const char sql_set_programme[] =
    "UPDATE events SET programme_media_id = ?2 WHERE id = ?1";
static const char sql_programme[] =
    "SELECT m.id, m.file_name, m.mime_type, m.size_bytes, m.original_name,"
    " m.alt_text, m.title, m.created_at"
    " FROM events e JOIN media m ON m.id = e.programme_media_id WHERE e.id = ?1";

int media_options(struct db *db, struct arena *a, tdict *d, const char *section,
    bool pdf, long long current)
{
	struct media *m;
	long long n, i;

	if ((n = db_media_list(db, a, &m)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		tdict *o;

		if (media_is_image(m[i].mime_type) == pdf)
			continue;
		o = tdict_section(d, section);
		tdict_set_int(o, "VALUE", m[i].id);
		tdict_set(o, "LABEL", arena_printf(a, "%s – %s", m[i].original_name,
		    pdf ? m[i].title : m[i].alt_text));
		if (m[i].id == current)
			tdict_show(o, "SELECTED");
	}
	return 0;
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

/* Runs an UPDATE of ?1 = row id, ?2 = media id (0 binds NULL). */
static int set_ref(struct db *db, const char *sql, long long id, long long media_id)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (media_id > 0)
		sqlite3_bind_int64(st, 2, media_id);
	if (sqlite3_step(st) == SQLITE_DONE)
		rc = 0;
	else
		db_log_error(db, "media reference");
	db_done(st);
	return rc;
}

int db_post_set_featured(struct db *db, long long post_id, long long media_id)
{
	return set_ref(db, sql_set_featured, post_id, media_id);
}

int db_event_set_programme(struct db *db, long long event_id, long long media_id)
{
	return set_ref(db, sql_set_programme, event_id, media_id);
}

int db_media_programme(struct db *db, struct arena *a, long long event_id,
    struct media *out)
{
	sqlite3_stmt *st = db_stmt(db, sql_programme);
	int rc, found = -1;

	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, event_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->file_name = arena_strdup(a, db_col_text(st, 1));
		out->mime_type = arena_strdup(a, db_col_text(st, 2));
		out->size_bytes = sqlite3_column_int64(st, 3);
		out->original_name = arena_strdup(a, db_col_text(st, 4));
		out->alt_text = arena_strdup(a, db_col_text(st, 5));
		out->title = arena_strdup(a, db_col_text(st, 6));
		out->created_at = arena_strdup(a, db_col_text(st, 7));
		found = 1;
	} else if (rc == SQLITE_DONE) {
		found = 0;
	} else {
		db_log_error(db, "event programme");
	}
	db_done(st);
	return found;
}
