/* desk_preview.c: the live preview the editor's script asks for: Markdown rendered as the public will see it. */
#include <stdlib.h>
#include <string.h>

#include "admin/admin.h"
#include "admin/form.h"
#include "http/response.h"
#include "util/markdown.h"
#include "util/utf8.h"

#define TEXT_MAX 60000

/* POST /admin/forhandsvisning with body: answers the HTML of md_to_html (safe
 * mode: made by us, so the script may show it as it is). */
void page_admin_md_preview(struct req *r)
{
	const char *body = req_form(r, "body");
	char *html;
	size_t n;

	body = form_normalize_newlines(r->a, body ? body : "");
	n = strlen(body);
	if (!utf8_text_ok(body, n, true) || utf8_chars(body, n) > TEXT_MAX) {
		resp_error(r, 400, "preview: bad text");
		return;
	}
	if ((html = md_to_html(body, n)) == NULL) {
		resp_error(r, 500, "preview: out of memory");
		return;
	}
	resp_send(r, 200, "text/html; charset=utf-8", html, strlen(html));
	free(html);
}
