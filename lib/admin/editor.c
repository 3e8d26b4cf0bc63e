/* editor.c: what the editors of events, members, the board and text pages share. */
#include "admin/editor.h"

#include "admin/form.h"
#include "http/response.h"
#include "store/media.h"
#include "util/valid.h"

const struct field admin_content_fields[] = {
	{ "q", F_TEXT, 0, 200 },
	{ "klart", F_INT, 1, 4 },
	{ NULL, F_INT, 0, 0 },
};

static const char *const done_text[] = { "", "Sparat.", "Skapat.", "Raderat.",
	"Versionen är återställd. Texten före återställningen finns kvar bland versionerna." };

long long admin_arg_id(struct req *r)
{
	long long id;

	return r->arg && valid_int(r->arg, 1, 1LL << 53, &id) ? id : 0;
}

void admin_done_notice(struct req *r, tdict *d, const char *section)
{
	if (r->in[ADMIN_IN_DONE].set)
		tdict_set(tdict_section(d, section), "TEXT", done_text[r->in[ADMIN_IN_DONE].i]);
}

void admin_confirm(struct req *r, const char *nav, const char *heading,
    const char *question, const char *item, const char *action, const char *back)
{
	tdict *d = admin_begin(r, "admin_confirm.tpl", heading, nav);

	tdict_set(d, "HEADING", heading);
	tdict_set(d, "QUESTION", question);
	tdict_set(d, "ITEM", item);
	tdict_set(d, "ACTION", action);
	tdict_set(d, "BACK", back);
	page_end(r, 200);
}

int admin_media_options(struct req *r, tdict *d, const char *section, bool pdf,
    long long current)
{
	struct media *m;
	long long n, i;

	if ((n = db_media_list(r->db, r->a, &m)) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		tdict *o;

		if (media_is_image(m[i].mime_type) == pdf)
			continue;
		o = tdict_section(d, section);
		tdict_set_int(o, "VALUE", m[i].id);
		tdict_set(o, "LABEL", arena_printf(r->a, "%s – %s", m[i].original_name,
		    pdf ? m[i].title : m[i].alt_text));
		if (m[i].id == current)
			tdict_show(o, "SELECTED");
	}
	return 0;
}
