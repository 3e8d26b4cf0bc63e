/* mediarules.c: the media library's rules: allowed types and their signatures, file names, Markdown to paste, sizes for people. */
#include "site/mediarules.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static const struct {
	const char *type, *ext;
	const char *sig;           /* leading bytes */
	size_t siglen;
} types[] = {
	{ "image/jpeg", "jpg", "\xff\xd8\xff", 3 },
	{ "image/png", "png", "\x89PNG\r\n\x1a\n", 8 },
	{ "image/gif", "gif", "GIF8", 4 },
	{ "image/webp", "webp", "RIFF", 4 },
	{ "application/pdf", "pdf", "%PDF-", 5 },
};

#define NTYPES (sizeof types / sizeof types[0])

static int type_index(const char *mime_type)
{
	size_t i;

	for (i = 0; mime_type != NULL && i < NTYPES; i++)
		if (strcmp(types[i].type, mime_type) == 0)
			return (int)i;
	return -1;
}

const char *media_ext(const char *mime_type)
{
	int i = type_index(mime_type);

	return i < 0 ? NULL : types[i].ext;
}

bool media_is_image(const char *mime_type)
{
	return mime_type != NULL && strncmp(mime_type, "image/", 6) == 0 &&
	    type_index(mime_type) >= 0;
}

bool media_signature_ok(const char *mime_type, const char *data, size_t len)
{
	int i = type_index(mime_type);

	if (i < 0 || len < types[i].siglen ||
	    memcmp(data, types[i].sig, types[i].siglen) != 0)
		return false;
	if (strcmp(types[i].type, "image/gif") == 0)
		return len >= 6 && (data[4] == '7' || data[4] == '9') && data[5] == 'a';
	if (strcmp(types[i].type, "image/webp") == 0)
		return len >= 12 && memcmp(data + 8, "WEBP", 4) == 0;
	return true;
}

const char *media_name_problem(const char *name)
{
	size_t len = strlen(name);

	if (len == 0)
		return "Filen saknar namn.";
	if (!utf8_text_ok(name, len, false))
		return "Filnamnet innehåller ogiltiga tecken.";
	if (strpbrk(name, "/\\") != NULL)
		return "Filnamnet får inte innehålla mappar (/ eller \\). Välj filen igen.";
	if (utf8_chars(name, len) > MEDIA_MAX_NAME_CHARS)
		return "Filnamnet är för långt (högst 200 tecken). Byt namn på filen och försök igen.";
	return NULL;
}

/* Copies s with '[', ']' and '\\' escaped for Markdown link text. */
static char *md_escape(struct arena *a, const char *s)
{
	char *out = arena_alloc(a, strlen(s) * 2 + 1), *p = out;

	for (; *s; s++) {
		if (*s == '[' || *s == ']' || *s == '\\')
			*p++ = '\\';
		*p++ = *s;
	}
	*p = '\0';
	return out;
}

char *media_markdown(struct arena *a, const struct media *m)
{
	if (media_is_image(m->mime_type))
		return arena_printf(a, "![%s](/uploads/%s)", md_escape(a, m->alt_text),
		    m->file_name);
	return arena_printf(a, "[%s](/uploads/%s)",
	    md_escape(a, m->title[0] ? m->title : m->original_name), m->file_name);
}

void media_size_text(long long bytes, char *buf, size_t n)
{
	char *comma;

	if (bytes < 1000)
		snprintf(buf, n, "%lld byte", bytes);
	else if (bytes < 1000000)
		snprintf(buf, n, "%lld kB", (bytes + 500) / 1000);
	else
		snprintf(buf, n, "%.1f MB", (double)bytes / 1e6);
	if ((comma = strchr(buf, '.')) != NULL)
		*comma = ',';
}
