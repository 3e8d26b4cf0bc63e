/* migrate.h: numbered, forward-only schema migrations and online backups. */
#ifndef HC_STORE_MIGRATE_H
#define HC_STORE_MIGRATE_H

#include <stdio.h>

#include "store/db.h"

/* Copies the live database db into a new file dest with SQLite's online backup
 * API. Returns 0, or -1 with a message on stderr (dest is removed). */
int db_backup(struct db *db, const char *dest);
/* Prints applied and pending migrations of dir to out. Returns 0, or 1 when an
 * applied migration's file has changed or is missing. */
int migrate_status(struct db *db, const char *dir, FILE *out);
/* Applies pending migrations in order, each in its own transaction, after a
 * backup into backup_dir when the database already holds a schema. Refuses
 * (returns 1) when an applied migration's file has changed; stops at the first
 * failing migration, leaving the database at the previous version (returns 1).
 * After the migrations, renders stored HTML again when the Markdown renderer
 * is newer than the one that made it (store/rerender.h).
 * Returns 0 when the database is current. Reports on out, errors on stderr. */
int migrate_apply(struct db *db, const char *dir, const char *backup_dir, FILE *out);
/* Replaces the live database db with the backup file, after checking it
 * (PRAGMA integrity_check, a schema version no newer than dir's migrations)
 * and backing db up into backup_dir. Uses SQLite's online backup API, so a
 * running hcweb sees the restored data at its next read. Returns 0, or 1 with
 * the reason on stderr (the live database unchanged). */
int migrate_restore(struct db *db, const char *file, const char *dir,
    const char *backup_dir, FILE *out);

#endif
