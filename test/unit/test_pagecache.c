/* test_pagecache.c: copies of pages are keyed on the route's declared values only. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/pagecache.h"
#include "store/db.h"

static struct arena a;
static struct db *db;
static char path[] = "/tmp/hcweb-test-pagecache-XXXXXX";
static size_t written;

static size_t count_write(void *io, const char *buf, size_t len)
{
	(void)io;
	(void)buf;
	written += len;
	return len;
}

static void init(void)
{
	int fd = mkstemp(path);

	cr_assert_geq(fd, 0);
	close(fd);
	db = db_open(path);
	cr_assert_not_null(db);
	cr_assert_eq(db_exec(db, "CREATE TABLE posts (status TEXT, published_at TEXT);"
	    "CREATE TABLE events (starts_at TEXT, ends_at TEXT);"), 0);
}

static void fini(void)
{
	db_close(db);
	unlink(path);
	arena_free(&a);
}

TestSuite(pagecache, .init = init, .fini = fini);

/* A request for p whose declared value 0 is v (NULL: not given). */
static struct req req(const char *p, const char *query, const char *v)
{
	struct req r = { .a = &a, .db = db, .path = p, .query_raw = query,
	    .method = M_GET, .write = count_write };

	if (v != NULL) {
		r.in[0].set = true;
		r.in[0].s = v;
	}
	return r;
}

static void store(struct pagecache *pc, struct req *r)
{
	static const char head[] = "Status: 200 OK\r\n";

	pagecache_store(pc, r, head, sizeof head - 1, NULL, 0, "body", 4);
}

Test(pagecache, undeclared_values_make_no_new_copy)
{
	struct pagecache pc = { .limit = 1 << 20 };
	struct req r = req("/styrelse", "", NULL);
	char q[32];
	int i;

	cr_assert_not(pagecache_serve(&pc, &r));
	store(&pc, &r);
	cr_assert_eq(pc.count, 1);
	for (i = 0; i < 200; i++) {
		snprintf(q, sizeof q, "v=%d", i);
		r = req("/styrelse", q, NULL);
		written = 0;
		cr_assert(pagecache_serve(&pc, &r), "%s is the same page", q);
		cr_assert_gt(written, 0);
	}
	cr_assert_eq(pc.count, 1);
	r = req("/nyheter", "sida=2&x=1", "2");
	cr_assert_not(pagecache_serve(&pc, &r));
	store(&pc, &r);
	r = req("/nyheter", "utm=1&sida=2", "2");
	cr_assert(pagecache_serve(&pc, &r));
	r = req("/nyheter", "sida=3", "3");
	cr_assert_not(pagecache_serve(&pc, &r), "a declared value is part of the key");
	cr_assert_eq(pc.count, 2);
	pagecache_free(&pc);
}
