/* wp_import.c: one WordPress post into hcweb: body to Markdown, its files into the library, one transaction. */
#include "cli/wp_import.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "net/httpc.h"
#include "site/htmlmd.h"
#include "store/audit.h"
#include "site/mediafile.h"
#include "store/media.h"
#include "store/wordpress.h"
#include "util/slug.h"

#define PENDING_MAX 64        /* files fetched for one post */

/* A file fetched for the post being imported, not yet in the database. */
struct pending {
	char file[MEDIA_NAME_HEX + 8];
	const char *mime, *source_url, *asked_url, *alt, *title, *name;
	long long size;
};

struct one {
	struct wp_run *w;
	struct arena *a;
	const char *title;
	struct pending pend[PENDING_MAX];
	int npend, failed;
};

static const char *jstr(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

static const char *jrendered(const json_t *o, const char *key)
{
	return jstr(json_object_get(o, key), "rendered");
}

static void note(struct abuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(struct abuf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	abuf_str(b, "  ");
	abuf_str(b, arena_vprintf(b->a, fmt, ap));
	abuf_str(b, "\n");
	va_end(ap);
}

const char *wp_old_path(struct wp_run *w, struct arena *a, const char *url)
{
	CURLU *u;
	char *path = NULL, *query = NULL, *dec = NULL;
	const char *out = NULL;
	int len = 0;

	if (url == NULL || url[0] == '\0' || !httpc_same_site(w->api.home, url))
		return NULL;
	if ((u = curl_url()) == NULL)
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PATH, &path, 0) == CURLUE_OK &&
	    (dec = curl_easy_unescape(NULL, path, 0, &len)) != NULL &&
	    (int)strlen(dec) == len) {
		while (len > 1 && dec[len - 1] == '/')
			dec[--len] = '\0';
		if (curl_url_get(u, CURLUPART_QUERY, &query, 0) != CURLUE_OK)
			query = NULL;
		out = query ? arena_printf(a, "%s?%s", dec, query) : arena_strdup(a, dec);
		if (strlen(out) > REDIRECT_MAX_PATH)
			out = NULL;
	}
	curl_free(dec);
	curl_free(path);
	curl_free(query);
	curl_url_cleanup(u);
	return out;
}

/* The original of a size variant: ".../bild-300x200.jpg" -> ".../bild.jpg"; query dropped. */
static char *original_url(struct arena *a, const char *url)
{
	char *s = arena_strdup(a, url), *q, *dot, *p;

	if ((q = strpbrk(s, "?#")) != NULL)
		*q = '\0';
	if ((dot = strrchr(s, '.')) == NULL || strchr(dot, '/') != NULL)
		return s;
	p = dot;
	while (p > s && isdigit((unsigned char)p[-1]))
		p--;
	if (p < dot && p > s && p[-1] == 'x') {
		char *x = p - 1;

		p = x;
		while (p > s && isdigit((unsigned char)p[-1]))
			p--;
		if (p < x && p > s && p[-1] == '-') {
			memmove(p - 1, dot, strlen(dot) + 1);
			return s;
		}
	}
	return s;
}

/* True for an uploads file of a kind the library keeps, judged by the URL. */
static bool wanted_file(const char *url)
{
	static const char *const exts[] = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".pdf", NULL };
	const char *dot = strrchr(url, '.');
	size_t i;

	if (strstr(url, "/wp-content/uploads/") == NULL || dot == NULL)
		return false;
	for (i = 0; exts[i]; i++)
		if (strcasecmp(dot, exts[i]) == 0)
			return true;
	return false;
}

/* Fetches url and checks it like an upload. Returns the body (malloc'd in
 * r->body) with the type in mime, or NULL with the reason in why. */
static const char *fetch_file(struct one *o, const char *url, struct httpc_resp *r,
    char *mime, size_t n)
{
	struct httpc_opts opts = o->w->api.http;

	opts.max_bytes = o->w->max_file;
	opts.userpwd = NULL;
	if (httpc_fetch(&opts, url, false, r) < 0)
		return r->error;
	if (r->location != NULL)
		return arena_printf(o->a, "%s (%s)", r->error, r->location);
	if (r->status != 200)
		return arena_printf(o->a, "HTTP status %ld", r->status);
	if (r->len == 0)
		return "empty file";
	media_detect(r->body, r->len, mime, n);
	if (media_ext(mime) == NULL || !media_signature_ok(mime, r->body, r->len))
		return arena_printf(o->a, "type \"%s\" is not kept in the library", mime);
	return NULL;
}

/* The new address of the site's file url, fetching it when it is not in the
 * library yet; NULL keeps the old link (dry run, or the fetch failed: noted). */
static const char *library_path(struct one *o, const char *url)
{
	struct wp_run *w = o->w;
	const char *orig = original_url(o->a, url), *why = NULL;
	const json_t *item;
	struct httpc_resp r;
	struct pending *p;
	char mime[128] = "";
	struct media m;
	long long id;
	int i;

	for (i = 0; i < o->npend; i++)
		if (strcmp(o->pend[i].source_url, orig) == 0)
			return arena_printf(o->a, "/uploads/%s", o->pend[i].file);
	if ((id = db_wp_media_find(w->db, w->api.home, orig)) > 0 &&
	    db_media_by_id(w->db, o->a, id, &m) == 1) {
		w->reused++;
		return arena_printf(o->a, "/uploads/%s", m.file_name);
	}
	if (w->dry) {
		if (json_object_get(w->dry_seen, orig) == NULL) {
			json_object_set_new(w->dry_seen, orig, json_true());
			w->would_fetch++;
		}
		return NULL;
	}
	if (o->npend == PENDING_MAX) {
		why = "too many files in one post";
	} else if ((why = fetch_file(o, orig, &r, mime, sizeof mime)) != NULL && strcmp(orig, url) != 0) {
		httpc_free(&r);
		why = fetch_file(o, url, &r, mime, sizeof mime);
	}
	if (why == NULL) {
		p = &o->pend[o->npend];
		if (media_store(w->cfg->uploads, media_ext(mime), r.body, r.len, p->file,
		    sizeof p->file) < 0)
			why = "cannot write to the uploads folder";
	}
	if (why != NULL) {
		if (o->npend < PENDING_MAX)
			httpc_free(&r);
		w->failed++;
		o->failed++;
		note(&w->failed_notes, "%s: %s (in \"%s\"; the old link is kept)", orig, why, o->title);
		return NULL;
	}
	item = json_object_get(w->media_by_url, orig);
	p->mime = arena_strdup(o->a, mime);
	p->source_url = orig;
	p->asked_url = arena_strdup(o->a, url);
	p->alt = media_is_image(mime) ? jstr(item, "alt_text") : "";
	p->title = htmlmd_text(o->a, jrendered(item, "title"), strlen(jrendered(item, "title")));
	p->name = strrchr(orig, '/') ? strrchr(orig, '/') + 1 : orig;
	if (media_name_problem(p->name) != NULL)
		p->name = "";
	p->size = (long long)r.len;
	w->fetched++;
	w->bytes += (long long)r.len;
	o->npend++;
	httpc_free(&r);
	return arena_printf(o->a, "/uploads/%s", p->file);
}

static const char *rewrite(void *ctx, const char *url, bool image)
{
	struct one *o = ctx;

	(void)image;
	if (!httpc_same_site(o->w->api.home, url) || !wanted_file(original_url(o->a, url)))
		return NULL;
	return library_path(o, url);
}

/* WordPress's manual excerpt as text, or "" when it is the automatic one
 * (the start of the body ending in […] or …). */
static const char *manual_excerpt(struct one *o, const json_t *post, const char *body_text)
{
	const json_t *ex = json_object_get(post, "excerpt");
	const char *raw = json_string_value(json_object_get(ex, "raw"));
	const char *t;
	size_t n;

	if (raw != NULL)
		return htmlmd_text(o->a, raw, strlen(raw));
	t = htmlmd_text(o->a, jstr(ex, "rendered"), strlen(jstr(ex, "rendered")));
	if (t == NULL)
		return "";
	n = strlen(t);
	if (n >= 5 && strcmp(t + n - 5, "[…]") == 0)
		n -= 5;
	else if (n >= 3 && strcmp(t + n - 3, "…") == 0)
		n -= 3;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	if (n == 0 || strncmp(body_text, t, n) == 0)
		return "";
	return t;
}

/* The category: WordPress's first real one, else its first tag; "Uncategorized" is none. */
static long long category(struct one *o, const json_t *post, const char **old_link)
{
	const char *keys[] = { "categories", "tags" };
	json_t *maps[] = { o->w->cats, o->w->tags };
	size_t k, i;
	json_t *v;

	*old_link = NULL;
	for (k = 0; k < 2; k++) {
		json_array_foreach(json_object_get(post, keys[k]), i, v) {
			const json_t *c = json_object_get(maps[k], arena_printf(o->a, "%lld",
			    (long long)json_integer_value(v)));
			char slug[SLUG_MAX + 1], *dec;
			const char *name;
			long long id;

			if (c == NULL || strcmp(jstr(c, "slug"), "uncategorized") == 0)
				continue;
			dec = curl_easy_unescape(NULL, jstr(c, "slug"), 0, NULL);
			slug_make(dec ? dec : "", slug, sizeof slug);
			curl_free(dec);
			name = htmlmd_text(o->a, jstr(c, "name"), strlen(jstr(c, "name")));
			if (slug[0] == '\0' || name == NULL || name[0] == '\0')
				continue;
			if (o->w->dry)
				return 0;
			if ((id = db_wp_category(o->w->db, slug, name)) > 0) {
				*old_link = arena_printf(o->a, "%s|%s|%lld", slug, jstr(c, "link"),
				    (long long)json_integer_value(v));
			}
			return id;
		}
	}
	return 0;
}

/* "2024-04-15T08:30:00" (no offset) as the storage format, or "" when malformed. */
static const char *utc(struct one *o, const char *gmt)
{
	int y, mo, d, h, mi, s;

	if (sscanf(gmt, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6)
		return "";
	return arena_printf(o->a, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
}

static int redirect(struct wp_run *w, const char *path, const char *target)
{
	return path == NULL || strcmp(path, "/") == 0 ? 0 : db_redirect_set(w->db, path, target);
}

/* Every old address of the post and of its category, author and dates. */
static int post_redirects(struct one *o, const json_t *post, const char *slug,
    const char *cat_link)
{
	struct wp_run *w = o->w;
	const char *target = arena_printf(o->a, "/nyheter/%s", slug);
	const char *date = jstr(post, "date");
	const json_t *user = json_object_get(w->users, arena_printf(o->a, "%lld",
	    (long long)json_integer_value(json_object_get(post, "author"))));
	int rc = 0;

	rc |= redirect(w, wp_old_path(w, o->a, jstr(post, "link")), target);
	rc |= redirect(w, arena_printf(o->a, "/?p=%lld",
	    (long long)json_integer_value(json_object_get(post, "id"))), target);
	if (strlen(date) >= 10 && isdigit((unsigned char)date[0])) {
		rc |= redirect(w, arena_printf(o->a, "/%.4s", date), "/nyheter");
		rc |= redirect(w, arena_printf(o->a, "/%.4s/%.2s", date, date + 5), "/nyheter");
		rc |= redirect(w, arena_printf(o->a, "/%.4s/%.2s/%.2s", date, date + 5, date + 8),
		    "/nyheter");
	}
	if (user != NULL) {
		rc |= redirect(w, wp_old_path(w, o->a, jstr(user, "link")), "/nyheter");
		rc |= redirect(w, arena_printf(o->a, "/?author=%lld",
		    (long long)json_integer_value(json_object_get(user, "id"))), "/nyheter");
	}
	if (cat_link != NULL) {
		char slug2[SLUG_MAX + 1], link[1100];
		long long cid;

		if (sscanf(cat_link, "%80[^|]|%1099[^|]|%lld", slug2, link, &cid) == 3) {
			const char *t = arena_printf(o->a, "/kategori/%s", slug2);

			const char *old = wp_old_path(w, o->a, link);

			rc |= redirect(w, old, t);
			rc |= redirect(w, arena_printf(o->a, "/?cat=%lld", cid), t);
			if (old != NULL && strchr(old, '?') == NULL)
				rc |= redirect(w, arena_printf(o->a, "%s/feed", old),
				    arena_printf(o->a, "%s/feed", t));
		}
	}
	return rc ? -1 : 0;
}

/* Library rows for the files fetched for this post (with their old addresses). */
static int save_files(struct one *o)
{
	struct wp_run *w = o->w;
	char now[21];
	int i;

	db_now(now);
	for (i = 0; i < o->npend; i++) {
		struct pending *p = &o->pend[i];
		struct media m = { 0, p->file, p->mime, p->size, p->name, p->alt,
		    p->title ? p->title : "", now };
		const char *to = arena_printf(o->a, "/uploads/%s", p->file);
		long long id = db_media_insert(w->db, &m, 0);

		if (id < 0 || db_wp_media_record(w->db, w->api.home, p->source_url, id) < 0 ||
		    audit_log(w->db, 0, WP_AUDIT_USER, "upload", "media", id, p->name) < 0 ||
		    redirect(w, wp_old_path(w, o->a, p->source_url), to) < 0 ||
		    redirect(w, wp_old_path(w, o->a, p->asked_url), to) < 0)
			return -1;
		if (media_is_image(p->mime) && p->alt[0] == '\0')
			note(&w->alt_notes, "%s (%s, in \"%s\")", to, p->source_url, o->title);
	}
	return 0;
}

static void drop_files(struct one *o)
{
	int i;

	for (i = 0; i < o->npend; i++)
		media_unlink(o->w->cfg->uploads, o->pend[i].file);
}

/* The post row from the REST object; NULL fields mean "skip" with *why. */
static int build_row(struct one *o, const json_t *post, struct wp_post_row *row,
    const char **why)
{
	struct wp_run *w = o->w;
	const char *html = jrendered(post, "content"), *status = jstr(post, "status");
	const char *body_text;
	const json_t *user, *fm;

	row->body_md = htmlmd_convert(o->a, html, strlen(html), rewrite, o);
	body_text = htmlmd_text(o->a, html, strlen(html));
	if (row->body_md == NULL || body_text == NULL) {
		*why = "the body is too large";
		return -1;
	}
	row->excerpt = manual_excerpt(o, post, body_text);
	row->status = strcmp(status, "publish") == 0 || strcmp(status, "future") == 0
	    ? "published" : "draft";
	row->published_at = utc(o, jstr(post, "date_gmt"));
	row->updated_at = utc(o, jstr(post, "modified_gmt"));
	if (row->published_at[0] == '\0')
		row->published_at = row->updated_at;
	if (row->published_at[0] == '\0') {
		*why = "no usable date_gmt or modified_gmt";
		return -1;
	}
	if (row->updated_at[0] == '\0')
		row->updated_at = row->published_at;
	row->created_at = row->published_at;
	user = json_object_get(w->users, arena_printf(o->a, "%lld",
	    (long long)json_integer_value(json_object_get(post, "author"))));
	row->author = user ? htmlmd_text(o->a, jstr(user, "name"), strlen(jstr(user, "name"))) : "";
	if (row->author == NULL)
		row->author = "";
	fm = json_object_get(w->media_by_id, arena_printf(o->a, "%lld",
	    (long long)json_integer_value(json_object_get(post, "featured_media"))));
	if (fm != NULL && json_integer_value(json_object_get(post, "featured_media")) > 0)
		library_path(o, jstr(fm, "source_url"));
	return 0;
}

/* Writes the post and everything with it in one transaction. */
static int write_post(struct one *o, const json_t *post, struct wp_post_row *row,
    const struct wp_known *k, long long wp_id)
{
	struct wp_run *w = o->w;
	char slug[SLUG_MAX + 8];
	const char *cat_link, *featured;
	long long id = k ? k->post_id : 0;
	json_t *fm;
	char *dec;

	if (db_begin(w->db) < 0)
		return -1;
	if (save_files(o) < 0 || (row->category_id = category(o, post, &cat_link)) < 0)
		goto fail;
	fm = json_object_get(w->media_by_id, arena_printf(o->a, "%lld",
	    (long long)json_integer_value(json_object_get(post, "featured_media"))));
	featured = fm ? original_url(o->a, jstr(fm, "source_url")) : NULL;
	if (featured && (row->featured_media_id = db_wp_media_find(w->db, w->api.home, featured)) < 0)
		goto fail;
	if (k == NULL) {
		dec = curl_easy_unescape(NULL, jstr(post, "slug"), 0, NULL);
		id = db_wp_post_insert(w->db, row, dec && dec[0] ? dec : row->title, slug, sizeof slug);
		curl_free(dec);
		if (id < 0)
			goto fail;
	} else {
		snprintf(slug, sizeof slug, "%s", k->slug);
		if (db_wp_post_update(w->db, id, k->version, row) != 1)
			goto fail;
	}
	if (db_wp_post_record(w->db, w->api.home, wp_id, id, jstr(post, "modified_gmt"),
	    jstr(post, "link"), o->failed) < 0 ||
	    post_redirects(o, post, slug, cat_link) < 0 ||
	    audit_log(w->db, 0, WP_AUDIT_USER, k ? "update" : "import", "post", id, row->title) < 0 ||
	    db_commit(w->db) < 0)
		goto fail;
	return 0;
fail:
	db_rollback(w->db);
	drop_files(o);
	return -1;
}

static void remember(struct wp_run *w, long long wp_id)
{
	if (w->nseen == w->capseen) {
		size_t cap = w->capseen ? w->capseen * 2 : 256;
		long long *n = realloc(w->seen, cap * sizeof *n);

		if (n == NULL)
			return;
		w->seen = n;
		w->capseen = cap;
	}
	w->seen[w->nseen++] = wp_id;
}

int wp_import_post(struct wp_run *w, const json_t *post)
{
	struct arena a = { 0 };
	struct one *o = calloc(1, sizeof *o);
	struct wp_post_row row = { 0 };
	struct wp_known k;
	long long wp_id = json_integer_value(json_object_get(post, "id"));
	const char *why = NULL, *mod = jstr(post, "modified_gmt");
	int known, rc = 0;

	if (o == NULL)
		return -1;
	o->w = w;
	o->a = &a;
	row.title = htmlmd_text(&a, jrendered(post, "title"), strlen(jrendered(post, "title")));
	o->title = row.title ? row.title : "";
	if (!json_is_object(post) || wp_id <= 0) {
		w->skipped++;
		note(&w->skipped_notes, "an item that is not a post");
		goto out;
	}
	remember(w, wp_id);
	if ((known = db_wp_post_known(w->db, &a, w->api.home, wp_id, &k)) < 0) {
		rc = -1;
		goto out;
	}
	if (known && k.post_id == 0) {
		w->skipped++;
		note(&w->skipped_notes, "post %lld \"%s\": deleted here, not brought back", wp_id, o->title);
		goto out;
	}
	if (known && strcmp(k.modified_gmt, mod) == 0 && k.media_failed == 0) {
		w->unchanged++;
		goto out;
	}
	if (known && k.current_version != k.version) {
		w->skipped++;
		note(&w->edited_notes, "post %lld \"%s\" (/nyheter/%s): edited here since the last import, left alone",
		    wp_id, o->title, k.slug);
		goto out;
	}
	if (row.title == NULL || row.title[0] == '\0') {
		why = "no title";
	} else if (build_row(o, post, &row, &why) == 0) {
		/* Tried again for its files, and none came: nothing to write. */
		if (known && strcmp(k.modified_gmt, mod) == 0 && o->npend == 0 &&
		    o->failed >= k.media_failed) {
			w->unchanged++;
			goto out;
		}
		if (!w->dry && write_post(o, post, &row, known ? &k : NULL, wp_id) < 0) {
			rc = -1;
			goto out;
		}
	}
	if (why != NULL) {
		drop_files(o);
		w->skipped++;
		note(&w->skipped_notes, "post %lld \"%s\": %s", wp_id, o->title, why);
	} else if (known) {
		w->updated++;
	} else {
		w->created++;
	}
out:
	arena_free(&a);
	free(o);
	return rc;
}

int wp_import_site_redirects(struct wp_run *w)
{
	/* A route /feed answers the old address itself. */
	if (strcmp(w->feed_target, "/feed") == 0)
		return 0;
	return db_redirect_set(w->db, "/feed", w->feed_target);
}
