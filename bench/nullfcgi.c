/* nullfcgi.c: the null FastCGI responder for make bench: answers every request with one file's bytes. */
#define _POSIX_C_SOURCE 200809L
#include <fcgiapp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *page;      /* the whole response: headers and body, read once at start */
static int page_len;

static void *serve(void *arg)
{
	FCGX_Request r;

	FCGX_InitRequest(&r, *(int *)arg, 0);
	while (FCGX_Accept_r(&r) >= 0) {
		FCGX_PutStr(page, page_len, r.out);
		FCGX_Finish_r(&r);
	}
	return NULL;
}

/* Reads path and puts CGI headers in front of its bytes. Returns 0 or -1. */
static int load(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	int head;

	if (f == NULL || fstat(fileno(f), &st) < 0 || st.st_size > (1 << 24))
		return -1;
	page = malloc((size_t)st.st_size + 128);
	head = sprintf(page, "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %lld\r\n\r\n", (long long)st.st_size);
	if (fread(page + head, 1, (size_t)st.st_size, f) != (size_t)st.st_size)
		return -1;
	page_len = head + (int)st.st_size;
	return fclose(f);
}

int main(int argc, char *argv[])
{
	int fd, i, n = argc > 3 ? atoi(argv[3]) : 2;
	pthread_t t[64];
	sigset_t stop;

	if (argc < 3 || n < 1 || n > 64) {
		fprintf(stderr, "usage: nullfcgi SOCKET FILE [THREADS]\n");
		return 2;
	}
	if (load(argv[2]) < 0 || FCGX_Init() != 0 || (fd = FCGX_OpenSocket(argv[1], 128)) < 0) {
		fprintf(stderr, "nullfcgi: cannot read %s or listen on %s\n", argv[2], argv[1]);
		return 1;
	}
	/* libfcgi catches SIGTERM only to set a flag; wait for it here instead. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	for (i = 0; i < n; i++)
		pthread_create(&t[i], NULL, serve, &fd);
	sigwait(&stop, &i);
	unlink(argv[1]);
	return 0;
}
