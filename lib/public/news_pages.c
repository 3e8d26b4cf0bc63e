/* news_pages.c: the start page, the news list, one post, a category's posts. */
#include "public/public.h"

#include <stdio.h>

#include "util/config.h"
#include "store/media.h"
#include "http/pager.h"
#include "store/posts.h"
#include "http/response.h"
#include "util/timefmt.h"

#define PER_PAGE 10
#define HOME_POSTS 5

const struct field page_fields[] = {
	[IN_SIDA] = { "sida", F_INT, 1, 1000000 },
	[IN_SIDA + 1] = { NULL, F_INT, 0, 0 },
};

/* Sets DATE_ISO and DATE_SV from a stored UTC time. */
static void set_date(tdict *d, const char *utc)
{
	char iso[TIME_ISO_LEN], sv[TIME_SV_DATE_LEN];
	struct tm tm;
	time_t t;

	if (time_parse_utc(utc, &t) < 0 || localtime_r(&t, &tm) == NULL)
		return;
	time_iso_local_tm(&tm, iso);
	tdict_set(d, "DATE_ISO", iso);
	time_date_sv_tm(&tm, sv);
	tdict_set(d, "DATE_SV", sv);
}

static void set_category(struct req *r, tdict *d, const struct post *p)
{
	tdict *c;

	if (p->category_slug[0] == '\0')
		return;
	c = tdict_section(d, "CATEGORY");
	tdict_set(c, "NAME", p->category_name);
	tdict_set(c, "HREF", arena_printf(r->a, "/kategori/%s", p->category_slug));
}

/* Shows section FEATURED (SRC, ALT) when the post has a featured image. */
static void set_featured(struct req *r, tdict *d, const struct post *p)
{
	tdict *f;

	if (p->featured_file == NULL || p->featured_file[0] == '\0' ||
	    !media_is_image(p->featured_mime))
		return;
	f = tdict_section(d, "FEATURED");
	tdict_set(f, "SRC", arena_printf(r->a, "/uploads/%s", p->featured_file));
	tdict_set(f, "ALT", p->featured_alt);
}

/* Adds one repetition of section for each post. */
static void add_posts(struct req *r, tdict *d, const char *section,
    const struct post_page *pp)
{
	size_t i;

	for (i = 0; i < pp->count; i++) {
		const struct post *p = &pp->items[i];
		tdict *item = tdict_section(d, section);

		tdict_set(item, "HREF", arena_printf(r->a, "/nyheter/%s", p->slug));
		tdict_set(item, "TITLE", p->title);
		tdict_set(item, "EXCERPT", p->excerpt);
		set_date(item, p->published_at);
		set_featured(r, item, p);
		set_category(r, item, p);
	}
}

void page_home(struct req *r)
{
	struct post_page pp;
	tdict *d;

	if (db_posts_public(r->db, r->a, 0, 1, HOME_POSTS, &pp) < 0) {
		resp_error(r, 500, "home: database");
		return;
	}
	d = page_begin(r, "home.tpl", "Startsida", "/");
	add_posts(r, d, "LATEST", &pp);
	home_events(r, d);
	page_end(r, 200);
}

/* Renders a paginated list of a category's (or all) posts under base. */
static void news_list(struct req *r, const struct category *c, const char *base)
{
	long long page = r->in[IN_SIDA].set ? r->in[IN_SIDA].i : 1, pages;
	struct post_page pp;
	tdict *d;

	if (db_posts_public(r->db, r->a, c ? c->id : 0, page, PER_PAGE, &pp) < 0) {
		resp_error(r, 500, "news list: database");
		return;
	}
	if ((pages = pager_pages(r, page, pp.total, PER_PAGE)) < 0)
		return;
	d = page_begin(r, "news_list.tpl", c ? c->name : "Nyheter", "/nyheter");
	tdict_set(d, "HEADING", c ? c->name : "Nyheter");
	if (c) {
		tdict *f = tdict_section(r->layout, "FEED");
		tdict_set(f, "TITLE", arena_printf(r->a, "%s – %s", r->cfg->site_name, c->name));
		tdict_set(f, "HREF", arena_printf(r->a, "/kategori/%s/feed", c->slug));
	}
	if (c && c->description[0])
		tdict_set(tdict_section(d, "INTRO"), "TEXT", c->description);
	add_posts(r, d, "POST", &pp);
	if (pp.count == 0)
		tdict_show(d, "EMPTY");
	pager_add_labels(r, d, page, pages, base, "Nyare nyheter", "Äldre nyheter");
	page_end(r, 200);
}

void page_news(struct req *r)
{
	news_list(r, NULL, "/nyheter");
}

void page_category(struct req *r)
{
	struct category c;
	int rc = db_category_by_slug(r->db, r->a, r->arg, &c);

	if (rc < 0)
		resp_error(r, 500, "category: database");
	else if (rc == 0)
		resp_error(r, 404, "no category %s", r->arg);
	else
		news_list(r, &c, arena_printf(r->a, "/kategori/%s", c.slug));
}

void page_post(struct req *r)
{
	struct post p;
	int rc = db_post_public_by_slug(r->db, r->a, r->arg, &p);
	tdict *d;

	if (rc < 0) {
		resp_error(r, 500, "post: database");
		return;
	}
	if (rc == 0) {
		resp_error(r, 404, "no post %s", r->arg);
		return;
	}
	d = page_begin(r, "post.tpl", p.title, "/nyheter");
	tdict_set(d, "TITLE", p.title);
	tdict_set(d, "AUTHOR", p.author);
	set_date(d, p.published_at);
	set_category(r, d, &p);
	set_featured(r, d, &p);
	tdict_set(d, "SAFE_BODY_HTML", p.body_html);
	page_meta_post(r, &p);
	page_end(r, 200);
}
