/* desk_media.c: the media library in the coordinator's desk: list, upload, delete. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "admin/form.h"
#include "admin/admin.h"
#include "store/audit.h"
#include "site/auth.h"
#include "util/config.h"
#include "util/log.h"
#include "site/mediafile.h"
#include "store/media.h"
#include "http/multipart.h"
#include "http/response.h"
#include "util/timefmt.h"
#include "util/valid.h"

#define MAX_USES 20

enum { IN_NY, IN_RADERAD, IN_END };
const struct field admin_media_fields[] = {
	[IN_NY] = { "ny", F_INT, 1, LLONG_MAX },
	[IN_RADERAD] = { "raderad", F_INT, 1, 1 },
	[IN_END] = { NULL, F_INT, 0, 0 },
};

/* The text fields' limits: what form_text reads with and the template shows. */
static const struct form_limit limits[] = {
	{ "ALT", MEDIA_MAX_ALT_CHARS },
	{ "TITLE", MEDIA_MAX_TITLE_CHARS },
	{ NULL, 0 },
};

static const char *type_label(const char *mime_type)
{
	if (strcmp(mime_type, "application/pdf") == 0)
		return "PDF";
	if (strcmp(mime_type, "image/jpeg") == 0)
		return "JPEG-bild";
	if (strcmp(mime_type, "image/png") == 0)
		return "PNG-bild";
	if (strcmp(mime_type, "image/webp") == 0)
		return "WebP-bild";
	return "GIF-bild";
}

static const char *use_href(struct req *r, const struct media_use *u)
{
	if (strcmp(u->kind, "post") == 0)
		return arena_printf(r->a, "/admin/nyheter/%lld", u->id);
	if (strcmp(u->kind, "event") == 0)
		return arena_printf(r->a, "/evenemang/%s", u->slug);
	return arena_printf(r->a, "/%s", u->slug);
}

static const char *use_label(const struct media_use *u)
{
	if (strcmp(u->kind, "post") == 0)
		return "Nyhet";
	if (strcmp(u->kind, "event") == 0)
		return "Evenemang";
	return "Sida";
}

/* Sets the values shared by list rows and the delete page. Returns the number
 * of uses, or -1. */
static long long set_file(struct req *r, tdict *d, const struct media *m)
{
	struct media_use uses[MAX_USES];
	char buf[64];
	long long n, i;

	tdict_set_int(d, "ID", m->id);
	tdict_set(d, "SRC", arena_printf(r->a, "/uploads/%s", m->file_name));
	tdict_set(d, "NAME", m->original_name);
	tdict_set(d, "TYPE", type_label(m->mime_type));
	tdict_set(d, "MARKDOWN", media_markdown(r->a, m));
	media_size_text(m->size_bytes, buf, sizeof buf);
	tdict_set(d, "SIZE", buf);
	time_utc_datetime_sv(m->created_at, buf, sizeof buf);
	if (buf[0])
		tdict_set(d, "DATE", buf);
	if (media_is_image(m->mime_type))
		tdict_set(tdict_section(d, "IMAGE"), "ALT", m->alt_text);
	else
		tdict_show(d, "DOCUMENT");
	if ((n = db_media_uses(r->db, r->a, m, uses, MAX_USES)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		tdict *u = tdict_section(d, "USE");

		tdict_set(u, "HREF", use_href(r, &uses[i]));
		tdict_set(u, "KIND", use_label(&uses[i]));
		tdict_set(u, "TITLE", uses[i].title);
	}
	if (n == 0)
		tdict_show(d, "UNUSED");
	return n;
}

/* Fills the list of files. Returns 0 or -1. */
static int fill_list(struct req *r, tdict *d)
{
	struct media *m;
	long long n, i;

	if ((n = db_media_list(r->db, r->a, &m)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		tdict *row = tdict_section(d, "FILE");

		if (set_file(r, row, &m[i]) < 0)
			return -1;
		if (r->in[IN_NY].set && m[i].id == r->in[IN_NY].i)
			tdict_show(row, "IS_NEW");
	}
	if (n == 0)
		tdict_show(d, "EMPTY");
	return 0;
}

/* Shows the just uploaded file's Markdown on top of the list. */
static void show_new(struct req *r, tdict *d)
{
	struct media m;

	if (r->in[IN_NY].set && db_media_by_id(r->db, r->a, r->in[IN_NY].i, &m) == 1) {
		tdict *s = tdict_section(d, "UPLOADED");

		tdict_set(s, "NAME", m.original_name);
		tdict_set(s, "MARKDOWN", media_markdown(r->a, &m));
	}
	if (r->in[IN_RADERAD].set)
		admin_notice(d, "Filen är raderad.", NULL, NULL);
}

void page_admin_media(struct req *r)
{
	tdict *d = admin_begin(r, "admin_media.tpl", "Media", "/admin/media");

	form_limits(d, limits);
	show_new(r, d);
	if (fill_list(r, d) < 0) {
		resp_error(r, 500, "media list: database");
		return;
	}
	page_end(r, 200);
}

/* Finds the one file part and checks it; sets *type to its detected MIME
 * type. Returns the part, or NULL after a message at FILE. */
static const struct mp_part *check_file(struct form *f, struct req *r,
    char *type, size_t n)
{
	const struct mp_part *p = NULL;
	const char *problem;
	size_t i, files = 0;

	for (i = 0; r->upload != NULL && i < r->upload->count; i++)
		if (strcmp(r->upload->parts[i].name, "file") == 0) {
			p = &r->upload->parts[i];
			files++;
		}
	if (files > 1) {
		form_error(f, "FILE", "Ladda upp en fil i taget.");
		return NULL;
	}
	if (p == NULL || p->filename == NULL || (p->filename[0] == '\0' && p->len == 0)) {
		form_error(f, "FILE", "Välj en fil att ladda upp.");
		return NULL;
	}
	if ((problem = media_name_problem(p->filename)) != NULL) {
		form_error(f, "FILE", problem);
		return NULL;
	}
	if (p->len == 0) {
		form_error(f, "FILE", "Filen är tom (0 byte). Välj en annan fil.");
		return NULL;
	}
	media_detect(p->data, p->len, type, n);
	if (media_ext(type) == NULL || !media_signature_ok(type, p->data, p->len)) {
		log_msg("upload refused: detected type \"%s\"", type);
		form_error(f, "FILE", "Filtypen stöds inte. Ladda upp en bild (JPEG, PNG, "
		    "WebP eller GIF) eller en PDF. Filens innehåll avgör typen, inte namnet.");
		return NULL;
	}
	return p;
}

/* Writes the file and its row (with the audit entry). Returns the id or -1. */
static long long save(struct req *r, struct media *m, const struct mp_part *p)
{
	char name[MEDIA_NAME_HEX + 8], now[21];
	long long id;

	if (media_store(r->cfg->uploads, media_ext(m->mime_type), p->data, p->len,
	    name, sizeof name) < 0)
		return -1;
	db_now(now);
	m->file_name = name;
	m->created_at = now;
	m->size_bytes = (long long)p->len;
	if (db_begin(r->db) < 0)
		goto fail;
	if ((id = db_media_insert(r->db, m, r->session ? r->session->user_id : 0)) < 0 ||
	    admin_audit(r, "upload", "media", id, m->original_name) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		goto fail;
	}
	return id;
fail:
	media_unlink(r->cfg->uploads, name);
	return -1;
}

void page_admin_media_upload(struct req *r)
{
	tdict *d = admin_begin(r, "admin_media.tpl", "Media", "/admin/media");
	struct media m = { 0 };
	const struct mp_part *p;
	char type[128] = "";
	struct form f;
	long long id;

	form_limits(d, limits);
	form_start(&f, r, d);
	f.note = "Filen laddades inte upp; välj den igen när du har rättat felen.";
	m.alt_text = form_text(&f, "alt", "ALT", "Alternativtexten", MEDIA_MAX_ALT_CHARS, 0);
	m.title = form_text(&f, "title", "TITLE", "Rubriken", MEDIA_MAX_TITLE_CHARS, 0);
	p = check_file(&f, r, type, sizeof type);
	if (p != NULL && media_is_image(type) && m.alt_text != NULL && m.alt_text[0] == '\0')
		form_error(&f, "ALT", "Skriv en alternativtext: en kort beskrivning av "
		    "bilden för den som inte ser den.");
	if (!form_ok(&f)) {
		if (fill_list(r, d) < 0) {
			resp_error(r, 500, "media list: database");
			return;
		}
		page_end(r, 422);
		return;
	}
	m.mime_type = type;
	m.original_name = p->filename;
	if (!media_is_image(type))
		m.alt_text = "";
	if ((id = save(r, &m, p)) < 0) {
		resp_error(r, 500, "media upload: store or database");
		return;
	}
	resp_redirect(r, arena_printf(r->a, "/admin/media?ny=%lld", id));
}

/* Loads the file named by the route's id. Returns 1, or 0 after answering. */
static int load(struct req *r, struct media *m)
{
	long long id = r->arg_id;   /* an R_ID route */
	int rc;

	if ((rc = db_media_by_id(r->db, r->a, id, m)) < 0)
		resp_error(r, 500, "media: database");
	else if (rc == 0)
		resp_error(r, 404, "no media %lld", id);
	return rc == 1;
}

/* The confirmation page; when the file is in use it says where and offers
 * no delete button. */
static void delete_page(struct req *r, const struct media *m, int status)
{
	tdict *d = admin_begin(r, "admin_media_delete.tpl", "Radera fil", "/admin/media");
	long long uses = set_file(r, d, m);

	if (uses < 0) {
		resp_error(r, 500, "media uses: database");
		return;
	}
	if (uses > 0)
		tdict_show(d, "IN_USE");
	else
		tdict_set(tdict_section(d, "CAN_DELETE"), "ACTION",
		    arena_printf(r->a, "/admin/media/radera/%lld", m->id));
	page_end(r, status);
}

void page_admin_media_delete_ask(struct req *r)
{
	struct media m;

	if (load(r, &m))
		delete_page(r, &m, 200);
}

void page_admin_media_delete(struct req *r)
{
	struct media_use use;
	struct media m;
	long long n;

	if (!load(r, &m))
		return;
	if (db_begin(r->db) < 0) {
		resp_error(r, 500, "media delete: begin");
		return;
	}
	if ((n = db_media_uses(r->db, r->a, &m, &use, 1)) != 0) {
		db_rollback(r->db);
		if (n < 0)
			resp_error(r, 500, "media delete: uses");
		else
			delete_page(r, &m, 409);
		return;
	}
	if (db_media_delete(r->db, m.id) != 1 ||
	    admin_audit(r, "delete", "media", m.id, m.original_name) < 0 ||
	    db_commit(r->db) < 0) {
		db_rollback(r->db);
		resp_error(r, 500, "media delete: database");
		return;
	}
	media_unlink(r->cfg->uploads, m.file_name);
	resp_redirect(r, "/admin/media?raderad=1");
}
