/* migrate.c: reading migrations/, comparing checksums, applying and backing up. */
#include "store/migrate.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/rerender.h"
#include "util/timefmt.h"

#define MIGRATION_MAX_BYTES (4 << 20)

struct migration {
	int version;
	char name[256];
	char checksum[65];     /* SHA-256, hex */
	char *sql;             /* the file's text */
	const char *applied;   /* checksum recorded when applied, or NULL */
};

struct mlist {
	struct migration *m;
	size_t n;
};

static const char sql_applied[] =
	"SELECT version, name, checksum FROM schema_migrations ORDER BY version";
static const char sql_record[] =
	"INSERT INTO schema_migrations (version, name, checksum, applied_at) "
	"VALUES (?1, ?2, ?3, ?4)";
static const char sql_has_table[] =
	"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
static const char sql_any_table[] =
	"SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1";

/* Reads a whole file (at most MIGRATION_MAX_BYTES) into a malloc'd string. */
static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n;

	if (f == NULL)
		return NULL;
	buf = malloc(MIGRATION_MAX_BYTES + 1);
	if (buf != NULL) {
		n = fread(buf, 1, MIGRATION_MAX_BYTES + 1, f);
		if (ferror(f) || n > MIGRATION_MAX_BYTES) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

static void sha256_hex(const char *s, char out[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, 65, h, sizeof h);
}

/* "0001_news.sql" -> 1; -1 when the name is not NNNN_something.sql. */
static int version_of(const char *name)
{
	size_t n = strlen(name);
	int i, v = 0;

	if (n < 10 || strcmp(name + n - 4, ".sql") != 0 || name[4] != '_')
		return -1;
	for (i = 0; i < 4; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		v = v * 10 + (name[i] - '0');
	}
	return v > 0 ? v : -1;
}

static int by_version(const void *a, const void *b)
{
	return ((const struct migration *)a)->version - ((const struct migration *)b)->version;
}

static void mlist_free(struct mlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->m[i].sql);
	free(l->m);
	memset(l, 0, sizeof *l);
}

/* Reads every migration file of dir, sorted by version. Returns 0 or -1. */
static int scan(const char *dir, struct mlist *l)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = -1;

	memset(l, 0, sizeof *l);
	if (d == NULL) {
		fprintf(stderr, "migrations: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		struct migration *m;
		char path[4096];
		int v = version_of(e->d_name);

		if (v < 0)
			continue;
		if ((m = realloc(l->m, sizeof *m * (l->n + 1))) == NULL)
			goto out;
		l->m = m;
		m = &l->m[l->n];
		memset(m, 0, sizeof *m);
		m->version = v;
		snprintf(m->name, sizeof m->name, "%s", e->d_name);
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if ((m->sql = read_file(path)) == NULL) {
			fprintf(stderr, "migrations: cannot read %s\n", path);
			goto out;
		}
		l->n++;
		sha256_hex(m->sql, m->checksum);
	}
	qsort(l->m, l->n, sizeof *l->m, by_version);
	for (size_t i = 1; i < l->n; i++)
		if (l->m[i].version == l->m[i - 1].version) {
			fprintf(stderr, "migrations: two files numbered %04d\n", l->m[i].version);
			goto out;
		}
	rc = 0;
out:
	closedir(d);
	return rc;
}

static int exists(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	int rc;

	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	db_done(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Marks the applied ones in l; returns the number of applied migrations whose
 * file changed or vanished (each reported on stderr), or -1 on error. */
static int check_applied(struct db *db, struct mlist *l)
{
	sqlite3_stmt *st;
	int bad = 0, rc;
	size_t i;

	if ((rc = exists(db, sql_has_table)) <= 0)
		return rc;
	if ((st = db_stmt(db, sql_applied)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int v = sqlite3_column_int(st, 0);
		const char *sum = db_col_text(st, 2);

		for (i = 0; i < l->n && l->m[i].version != v; i++)
			;
		if (i == l->n) {
			fprintf(stderr, "migration %s was applied but its file is missing\n",
			    db_col_text(st, 1));
			bad++;
		} else if (strcmp(l->m[i].checksum, sum) != 0) {
			fprintf(stderr, "migration %s has changed since it was applied "
			    "(applied %.12s…, file %.12s…); migrations are never edited, "
			    "add a new one\n", l->m[i].name, sum, l->m[i].checksum);
			l->m[i].applied = "changed";
			bad++;
		} else {
			l->m[i].applied = "ok";
		}
	}
	db_done(st);
	return rc == SQLITE_DONE ? bad : -1;
}

int migrate_status(struct db *db, const char *dir, FILE *out)
{
	struct mlist l;
	int bad;
	size_t i;

	if (scan(dir, &l) < 0)
		return 1;
	bad = check_applied(db, &l);
	for (i = 0; i < l.n; i++)
		fprintf(out, "%-8s %s\n", l.m[i].applied == NULL ? "pending" :
		    strcmp(l.m[i].applied, "ok") == 0 ? "applied" : "CHANGED", l.m[i].name);
	mlist_free(&l);
	return bad == 0 ? 0 : 1;
}

/* Applies one migration in its own transaction. Returns 0 or -1. */
static int apply_one(struct db *db, const struct migration *m)
{
	char now[TIME_UTC_LEN], *err = NULL;
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db) < 0)
		return -1;
	if (sqlite3_exec(db->h, m->sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "migration %s failed: %s\n", m->name,
		    err ? err : sqlite3_errmsg(db->h));
		sqlite3_free(err);
		goto fail;
	}
	if ((st = db_stmt(db, sql_record)) == NULL)
		goto fail;
	db_now(now);
	sqlite3_bind_int(st, 1, m->version);
	db_bind_text(st, 2, m->name);
	db_bind_text(st, 3, m->checksum);
	db_bind_text(st, 4, now);
	rc = sqlite3_step(st);
	db_done(st);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "migration %s: cannot record it: %s\n", m->name,
		    sqlite3_errmsg(db->h));
		goto fail;
	}
	if (db_commit(db) == 0)
		return 0;
fail:
	db_rollback(db);
	return -1;
}

int db_backup(struct db *db, const char *dest)
{
	sqlite3 *to = NULL;
	mode_t old;
	sqlite3_backup *b;
	int rc;

	if (access(dest, F_OK) == 0) {
		fprintf(stderr, "backup: %s exists already\n", dest);
		return -1;
	}
	old = umask(077);   /* a backup is as private as the database */
	rc = sqlite3_open(dest, &to);
	umask(old);
	if (rc != SQLITE_OK)
		goto fail;
	if ((b = sqlite3_backup_init(to, "main", db->h, "main")) == NULL)
		goto fail;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK ||
	    rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		sqlite3_sleep(10);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		goto fail;
	if (sqlite3_close(to) != SQLITE_OK) {
		to = NULL;
		goto fail;
	}
	return 0;
fail:
	fprintf(stderr, "backup to %s failed: %s\n", dest,
	    to ? sqlite3_errmsg(to) : "cannot open");
	sqlite3_close(to);
	unlink(dest);
	return -1;
}

/* Backs up db into backup_dir before migrating to version (0: before a
 * restore). Returns 0 or -1. */
static int backup_before(struct db *db, const char *backup_dir, int version, FILE *out)
{
	char path[4096], stamp[32], what[32];
	time_t now = time(NULL);
	struct tm tm;
	int n;

	if (mkdir(backup_dir, 0750) < 0 && errno != EEXIST) {
		fprintf(stderr, "backup: %s: %s\n", backup_dir, strerror(errno));
		return -1;
	}
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	if (version > 0)
		snprintf(what, sizeof what, "%04d", version);
	else
		snprintf(what, sizeof what, "restore");
	snprintf(path, sizeof path, "%s/hcweb-%s-before-%s.db", backup_dir, stamp, what);
	/* A second run within the same second (a retry) gets its own file. */
	for (n = 2; access(path, F_OK) == 0 && n < 100; n++)
		snprintf(path, sizeof path, "%s/hcweb-%s-before-%s-%d.db", backup_dir,
		    stamp, what, n);
	if (db_backup(db, path) < 0)
		return -1;
	fprintf(out, "backup   %s\n", path);
	return 0;
}

int migrate_apply(struct db *db, const char *dir, const char *backup_dir, FILE *out)
{
	struct mlist l;
	size_t i, first = 0;
	int rc = 1, bad;

	if (scan(dir, &l) < 0)
		return 1;
	if ((bad = check_applied(db, &l)) != 0) {
		if (bad > 0)
			fprintf(stderr, "migrate: refusing to run; nothing was changed\n");
		goto out;
	}
	while (first < l.n && l.m[first].applied != NULL)
		first++;
	if (first < l.n && exists(db, sql_any_table) == 1 &&
	    backup_before(db, backup_dir, l.m[first].version, out) < 0)
		goto out;
	for (i = first; i < l.n; i++) {
		if (apply_one(db, &l.m[i]) < 0) {
			fprintf(stderr, "migrate: stopped; the database is as it was "
			    "before %s\n", l.m[i].name);
			goto out;
		}
		fprintf(out, "applied  %s\n", l.m[i].name);
	}
	if (first == l.n)
		fprintf(out, "the database is up to date\n");
	if (md_rerender_stale(db, out) < 0) {
		fprintf(stderr, "migrate: the texts could not be rendered again; "
		    "run hcadmin migrate again\n");
		goto out;
	}
	rc = 0;
out:
	mlist_free(&l);
	return rc;
}

/* Checks a backup file: integrity_check "ok" and a schema version between 1
 * and latest. Sets *version. Returns 0, or -1 with the reason on stderr. */
static int check_backup(sqlite3 *src, const char *file, int latest, int *version)
{
	sqlite3_stmt *st = NULL;
	const char *ok = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(src, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		ok = (const char *)sqlite3_column_text(st, 0);
	if (ok == NULL || strcmp(ok, "ok") != 0) {
		fprintf(stderr, "restore: %s is damaged (%s); nothing was changed\n", file,
		    ok ? ok : sqlite3_errmsg(src));
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	*version = 0;
	if (sqlite3_prepare_v2(src, "SELECT max(version) FROM schema_migrations", -1, &st,
	    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	if (*version < 1)
		fprintf(stderr, "restore: %s is not an hcweb database; nothing was changed\n", file);
	else if (*version > latest)
		fprintf(stderr, "restore: %s has schema version %d, newer than this hcweb's %d; "
		    "nothing was changed\n", file, *version, latest);
	else
		rc = 0;
out:
	sqlite3_finalize(st);
	return rc;
}

int migrate_restore(struct db *db, const char *file, const char *dir,
    const char *backup_dir, FILE *out)
{
	sqlite3 *src = NULL;
	sqlite3_backup *b;
	struct mlist l;
	int rc = 1, version, latest, step;

	if (scan(dir, &l) < 0)
		return 1;
	latest = l.n ? l.m[l.n - 1].version : 0;
	if (access(file, R_OK) < 0) {
		fprintf(stderr, "restore: %s: %s\n", file, strerror(errno));
		goto out;
	}
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    check_backup(src, file, latest, &version) < 0)
		goto out;
	if (backup_before(db, backup_dir, 0, out) < 0)
		goto out;
	if ((b = sqlite3_backup_init(db->h, "main", src, "main")) == NULL) {
		fprintf(stderr, "restore: %s\n", sqlite3_errmsg(db->h));
		goto out;
	}
	/* The live site may be writing: wait for its locks, page by page. */
	while ((step = sqlite3_backup_step(b, 256)) == SQLITE_OK || step == SQLITE_BUSY ||
	    step == SQLITE_LOCKED)
		sqlite3_sleep(10);
	sqlite3_backup_finish(b);
	if (step != SQLITE_DONE) {
		fprintf(stderr, "restore: %s; the database is as it was\n", sqlite3_errstr(step));
		goto out;
	}
	fprintf(out, "restored %s (schema version %d)\n", file, version);
	if (version < latest)
		fprintf(out, "run hcadmin migrate: the backup is older than the schema (%d)\n", latest);
	rc = 0;
out:
	sqlite3_close(src);
	mlist_free(&l);
	return rc;
}
