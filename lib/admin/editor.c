/* editor.c: what the editors of events, members, the board and text pages share. */
#include "admin/editor.h"

#include "admin/form.h"
#include "http/response.h"
#include "util/valid.h"

const struct field admin_content_fields[] = {
	{ "q", F_TEXT, 0, 200 },
	{ "klart", F_INT, 1, 3 },
	{ NULL, F_INT, 0, 0 },
};

static const char *const done_text[] = { "", "Sparat.", "Skapat.", "Raderat." };

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
