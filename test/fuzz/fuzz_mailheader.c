/* fuzz_mailheader.c: libFuzzer target for the header encoder: whatever the subject and names,
 * the message's header block holds exactly the fields the builder writes, in CRLF lines of at
 * most 998 octets. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "site/mailmsg.h"

static const char *const fields[] = {
	"Date", "From", "Subject", "To", "Reply-To", "Message-Id", "MIME-Version",
	"Content-Type", "Content-Transfer-Encoding", "List-Unsubscribe",
};

static int known(const char *line, size_t len)
{
	size_t i, n;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		n = strlen(fields[i]);
		if (len > n && line[n] == ':' && strncasecmp(line, fields[i], n) == 0)
			return 1;
	}
	return 0;
}

/* Input: subject, from name and to name separated by NUL bytes. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 3), *subject, *from, *to, *out, *p, *eol;
	struct mail_header h = { "List-Unsubscribe", NULL };
	struct mail_msg m = { 0 };
	size_t len, seen = 0;

	memcpy(buf, data, size);
	buf[size] = buf[size + 1] = buf[size + 2] = '\0';
	subject = buf;
	from = subject + strlen(subject) + 1;
	to = from + strlen(from) + 1;
	h.value = from;
	m = (struct mail_msg){ .from_name = from, .from_addr = "info@example.se",
	    .to_name = to, .to_addr = "anna@example.se", .reply_to = "svar@example.se",
	    .subject = subject, .text = "text\n", .msgid_domain = "example.se",
	    .headers = &h, .nheaders = 1 };
	if (mailmsg_build(&m, &out, &len) == MAIL_OK) {
		for (p = out; (eol = strstr(p, "\r\n")) != NULL && eol != p; p = eol + 2) {
			if (eol - p > 998 || memchr(p, '\n', (size_t)(eol - p)) ||
			    memchr(p, '\r', (size_t)(eol - p)))
				abort();
			if (*p != ' ' && *p != '\t') {      /* a new field, not a folded line */
				if (!known(p, (size_t)(eol - p)))
					abort();
				seen++;
			}
		}
		if (eol == NULL || seen != 10)
			abort();
		free(out);
	}
	free(buf);
	return 0;
}
