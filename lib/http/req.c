/* req.c: the request context's accessors, and its end. */
#include "http/req.h"

#include <sqlite3.h>

#include "store/db.h"
#include "util/log.h"

const char *req_query(const struct req *r, const char *name)
{
	return http_lookup(r->query, r->nquery, name);
}

const char *req_form(const struct req *r, const char *name)
{
	return http_lookup(r->form, r->nform, name);
}

const char *req_cookie(const struct req *r, const char *name)
{
	return http_lookup(r->cookies, r->ncookies, name);
}

void req_finish(struct req *r)
{
	if (r->db != NULL && !sqlite3_get_autocommit(r->db->h)) {
		log_msg("a transaction was left open: rolled back");
		while (!sqlite3_get_autocommit(r->db->h) && r->db->depth > 1)
			db_rollback(r->db);
		db_rollback(r->db);
	}
	tdict_free(r->layout);
	r->layout = NULL;
}
