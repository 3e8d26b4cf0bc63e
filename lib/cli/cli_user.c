/* cli_user.c: hcadmin user add|passwd|disable|unlock|list. */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "util/arena.h"
#include "store/audit.h"
#include "site/auth.h"
#include "store/db.h"
#include "store/sessions.h"
#include "store/logins.h"
#include "store/users.h"
#include "util/valid.h"

#define LINE_MAX_BYTES 1024

static int user_usage(void)
{
	fprintf(stderr, "usage: hcadmin user add EMAIL --name NAME --role coordinator|admin\n"
	    "       hcadmin user passwd EMAIL\n"
	    "       hcadmin user disable EMAIL\n"
	    "       hcadmin user unlock EMAIL\n"
	    "       hcadmin user list\n"
	    "The password is read from the terminal (not shown), or from standard input.\n");
	return 2;
}

/* Reads one line of at most PW_MAX_BYTES into buf (LINE_MAX_BYTES) without
 * its line end. Returns 0, or -1 at end of input or when the line is longer. */
static int read_line(FILE *in, char *buf)
{
	size_t n;
	int c;

	if (fgets(buf, LINE_MAX_BYTES, in) == NULL)
		return -1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] != '\n' && !feof(in)) {
		while ((c = fgetc(in)) != EOF && c != '\n')
			;
		return -1;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return n > PW_MAX_BYTES ? -1 : 0;
}

/* Prompts on stderr and reads a line from the terminal with echo off. */
static int read_secret(const char *prompt, char *buf)
{
	struct termios old, quiet;
	int rc;

	if (tcgetattr(STDIN_FILENO, &old) < 0)
		return -1;
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	/* Echo goes off before the prompt shows, so nothing typed after it echoes. */
	tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	fputs(prompt, stderr);
	fflush(stderr);
	rc = read_line(stdin, buf);
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	fputc('\n', stderr);
	return rc;
}

/* Reads and checks a new password and hashes it into hash. Returns 0 or -1. */
static int new_password_hash(char *hash)
{
	char pw[LINE_MAX_BYTES], again[LINE_MAX_BYTES];
	int rc = -1, chk;

	if (isatty(STDIN_FILENO)) {
		if (read_secret("Lösenord (12–128 tecken): ", pw) < 0 ||
		    read_secret("Samma lösenord igen: ", again) < 0) {
			fprintf(stderr, "password: longer than %d characters or no input\n", PW_MAX_CHARS);
			goto out;
		}
		if (strcmp(pw, again) != 0) {
			fprintf(stderr, "password: the two did not match\n");
			goto out;
		}
	} else if (read_line(stdin, pw) < 0) {
		fprintf(stderr, "password: longer than %d characters or no input\n", PW_MAX_CHARS);
		goto out;
	}
	if ((chk = pw_check(pw, strlen(pw))) != 0) {
		fprintf(stderr, "password: %s\n", chk == -1 ? "shorter than 12 characters"
		    : chk == -2 ? "longer than 128 characters" : "not valid UTF-8");
		goto out;
	}
	if ((rc = pw_hash(pw, hash)) < 0)
		fprintf(stderr, "password: hashing failed (out of memory?)\n");
out:
	sodium_memzero(pw, sizeof pw);
	sodium_memzero(again, sizeof again);
	return rc;
}

/* Lower-cases an ASCII e-mail address in place; returns it. */
static char *lower(char *s)
{
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

static int user_add(struct db *db, int argc, char **argv)
{
	const char *name = NULL, *role = NULL;
	char hash[crypto_pwhash_STRBYTES];
	char *email;
	long long id;
	int i;

	if (argc < 2)
		return user_usage();
	email = lower(argv[1]);
	for (i = 2; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--name") == 0)
			name = argv[i + 1];
		else if (strcmp(argv[i], "--role") == 0)
			role = argv[i + 1];
		else
			return user_usage();
	}
	if (i != argc || name == NULL || role == NULL)
		return user_usage();
	if (!valid_email(email) || !valid_text(name, 200, true, false) ||
	    (strcmp(role, "coordinator") != 0 && strcmp(role, "admin") != 0)) {
		fprintf(stderr, "user add: invalid e-mail, name (1-200 bytes) or role\n");
		return 2;
	}
	if (new_password_hash(hash) < 0)
		return 1;
	id = db_user_insert(db, email, name, role, hash);
	if (id == -2)
		fprintf(stderr, "user add: %s already exists\n", email);
	if (id < 0)
		return 1;
	audit_log(db, 0, "hcadmin", "create", "user", id, email);
	printf("user %s added (%s)\n", email, role);
	return 0;
}

/* Finds the user argv[1] names; prints why not. Returns 1 found, else 0. */
static int find_user(struct db *db, struct arena *a, char *email, struct user *u)
{
	int rc = db_user_by_email(db, a, lower(email), u);

	if (rc == 0)
		fprintf(stderr, "user: no user %s\n", email);
	return rc == 1;
}

static int user_passwd(struct db *db, struct arena *a, int argc, char **argv)
{
	char hash[crypto_pwhash_STRBYTES];
	struct user u;

	if (argc != 2)
		return user_usage();
	if (!find_user(db, a, argv[1], &u) || new_password_hash(hash) < 0)
		return 1;
	if (db_begin(db) < 0)
		return 1;
	if (db_user_set_password(db, u.id, hash) < 0 || session_end_user(db, u.id) < 0 ||
	    audit_log(db, 0, "hcadmin", "passwd", "user", u.id, u.email) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return 1;
	}
	printf("password of %s changed; its sessions ended\n", u.email);
	return 0;
}

static int user_disable(struct db *db, struct arena *a, int argc, char **argv)
{
	struct user u;

	if (argc != 2)
		return user_usage();
	if (!find_user(db, a, argv[1], &u) || db_begin(db) < 0)
		return 1;
	if (db_user_set_disabled(db, u.id, true) < 0 || session_end_user(db, u.id) < 0 ||
	    audit_log(db, 0, "hcadmin", "disable", "user", u.id, u.email) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return 1;
	}
	printf("user %s disabled; its sessions ended\n", u.email);
	return 0;
}

/* Forgets the account's failed logins: its locks and its delay end. */
static int user_unlock(struct db *db, struct arena *a, int argc, char **argv)
{
	struct user u;
	int n;

	if (argc != 2)
		return user_usage();
	if (!find_user(db, a, argv[1], &u) || (n = db_login_unlock(db, u.email)) < 0)
		return 1;
	audit_log(db, 0, "hcadmin", "unlock", "user", u.id, u.email);
	printf("user %s unlocked (%d failed logins forgotten)\n", u.email, n);
	return 0;
}

static int user_list(struct db *db, struct arena *a)
{
	struct user *u;
	size_t i, n;

	if (db_users_all(db, a, &u, &n) < 0)
		return 1;
	for (i = 0; i < n; i++)
		printf("%s\t%s\t%s\t%s\n", u[i].email, u[i].role,
		    u[i].disabled ? "disabled" : "active", u[i].name);
	return 0;
}

int cmd_user(const struct config *cfg, int argc, char **argv)
{
	struct arena a = { 0 };
	struct db *db;
	int rc;

	if (argc < 2)
		return user_usage();
	if (sodium_init() < 0 || (db = db_open(cfg->database)) == NULL)
		return 1;
	if (strcmp(argv[1], "add") == 0)
		rc = user_add(db, argc - 1, argv + 1);
	else if (strcmp(argv[1], "passwd") == 0)
		rc = user_passwd(db, &a, argc - 1, argv + 1);
	else if (strcmp(argv[1], "disable") == 0)
		rc = user_disable(db, &a, argc - 1, argv + 1);
	else if (strcmp(argv[1], "unlock") == 0)
		rc = user_unlock(db, &a, argc - 1, argv + 1);
	else if (strcmp(argv[1], "list") == 0 && argc == 2)
		rc = user_list(db, &a);
	else
		rc = user_usage();
	db_close(db);
	arena_free(&a);
	return rc;
}
