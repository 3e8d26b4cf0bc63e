/* sender.c: the queue runner: recover, claim, rate-limit, deliver, record; as a thread or a command. */
#include "net/sender.h"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/deliver.h"
#include "store/db.h"
#include "store/mailq.h"
#include "store/newsletter.h"
#include "util/log.h"

#define HOUSEKEEPING_SECS 2      /* how often to recover and fan out */
#define IDLE_MS 200              /* the wait when nothing is due */
#define MAX_BACKOFF (6 * 3600)

struct sender {
	const struct config *cfg;
	volatile sig_atomic_t *stop;
	struct db *db;
	struct transport *t;
	double next_slot;            /* monotonic seconds: the rate limit's next start */
	double housekept;            /* when recover and fan-out last ran */
	double open_failed;          /* when transport_open last failed, 0 never */
};

static double mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sleeps until the monotonic time until, in short steps so stop is seen. */
static void sleep_until(struct sender *s, double until)
{
	double now;

	while ((now = mono()) < until && !(s->stop && *s->stop)) {
		double d = until - now > 0.1 ? 0.1 : until - now;
		struct timespec ts = { (time_t)d, (long)((d - (double)(time_t)d) * 1e9) };

		nanosleep(&ts, NULL);
	}
}

struct sender *sender_new(const struct config *cfg, volatile sig_atomic_t *stop)
{
	struct sender *s = calloc(1, sizeof *s);

	if (s == NULL)
		return NULL;
	s->cfg = cfg;
	s->stop = stop;
	if ((s->db = db_open(cfg->database)) == NULL) {
		free(s);
		return NULL;
	}
	/* Two commits a message: in WAL mode NORMAL makes them safe against the
	 * process dying (SIGKILL included) without an fsync each; only a power
	 * loss could forget the last acceptances, which are then sent again
	 * (docs/architecture.md). */
	if (db_exec(s->db, "PRAGMA synchronous=NORMAL") < 0) {
		sender_free(s);
		return NULL;
	}
	return s;
}

void sender_free(struct sender *s)
{
	if (s == NULL)
		return;
	transport_close(s->t);
	db_close(s->db);
	free(s);
}

/* Puts back stale "sending" rows and queues newsletter rows, every few seconds. */
static int housekeeping(struct sender *s, bool *more)
{
	int n;

	*more = false;
	if (mono() - s->housekept < HOUSEKEEPING_SECS && s->housekept > 0)
		return 0;
	s->housekept = mono();
	if ((n = mailq_recover(s->db, s->cfg->mail_sending_timeout)) < 0)
		return -1;
	if (n > 0)
		log_msg("mail: %d interrupted message(s) queued again", n);
	if ((n = newsletter_fan_out(s->db, s->cfg, 200)) < 0)
		return -1;
	if (n > 0) {
		*more = true;
		s->housekept = 0;   /* queue the next batch on the next round */
	}
	return 0;
}

static int backoff(const struct config *cfg, int attempts)
{
	long long d = cfg->mail_retry_base;
	int i;

	for (i = 1; i < attempts && d < MAX_BACKOFF; i++)
		d *= 2;
	return d > MAX_BACKOFF ? MAX_BACKOFF : (int)d;
}

struct accepted {
	struct sender *s;
	long long id;
	int rc;
};

/* The transport's accept hook: the row turns "sent" the moment the server
 * has the message, before the transport does anything more. */
static void on_accept(void *arg, const char *reply)
{
	struct accepted *a = arg;

	a->rc = mailq_mark_sent(a->s->db, a->id, reply);
}

/* Records a failure (acceptance was recorded by on_accept). */
static int record(struct sender *s, const struct mailq_item *it, enum deliver_result res,
    const char *reply, const struct accepted *acc)
{
	switch (res) {
	case DELIVER_OK:
		return acc->rc;
	case DELIVER_PERM:
		log_msg("mail %lld: failed: %s", it->id, reply);
		return mailq_mark_failed(s->db, it->id, reply);
	default:
		if (it->attempts >= s->cfg->mail_max_attempts) {
			log_msg("mail %lld: given up after %d tries: %s", it->id, it->attempts, reply);
			return mailq_mark_failed(s->db, it->id, reply);
		}
		return mailq_mark_retry(s->db, it->id, reply, backoff(s->cfg, it->attempts));
	}
}

int sender_step(struct sender *s)
{
	struct mailq_item it;
	char reply[DELIVER_REPLY_MAX + 1], err[300];
	enum deliver_result res;
	struct accepted acc;
	struct accept_hook hook = { on_accept, &acc };
	bool more;
	int rc;

	if (housekeeping(s, &more) < 0)
		return -1;
	if (s->t == NULL) {
		if (s->open_failed > 0 && mono() - s->open_failed < 30)
			return -1;
		if ((s->t = transport_open(s->cfg, s->stop, err, sizeof err)) == NULL) {
			log_msg("mail: transport not ready: %s", err);
			s->open_failed = mono();
			return -1;
		}
	}
	if ((rc = mailq_claim(s->db, &it)) <= 0)
		return rc < 0 ? -1 : more ? 1 : 0;
	if (s->cfg->mail_rate > 0) {
		sleep_until(s, s->next_slot);
		s->next_slot = mono() + 60.0 / s->cfg->mail_rate;
	}
	acc = (struct accepted){ .s = s, .id = it.id, .rc = -1 };
	res = transport_send(s->t, it.rcpt, it.message, it.len, it.id, &hook, reply);
	rc = record(s, &it, res, reply, &acc);
	if (rc < 0)
		log_msg("mail %lld: outcome not recorded (%s)", it.id, reply);
	mailq_item_free(&it);
	return rc < 0 ? -1 : 1;
}

/* True when no message waits or is in flight (failed ones do not count). */
static bool queue_empty(struct sender *s)
{
	struct mailq_counts c;

	return mailq_count(s->db, 0, &c) == 0 && c.queued == 0 && c.sending == 0;
}

int sender_loop(struct sender *s, bool until_idle, void (*tick)(void *), void *arg)
{
	int rc;

	while (!(s->stop && *s->stop)) {
		rc = sender_step(s);
		if (tick)
			tick(arg);
		if (rc == 0 && until_idle && s->housekept > 0 && queue_empty(s) &&
		    newsletter_fan_out(s->db, s->cfg, 200) == 0 && queue_empty(s))
			return 0;
		if (rc <= 0)
			sleep_until(s, mono() + (rc < 0 ? 1.0 : IDLE_MS / 1000.0));
	}
	return 1;
}

static struct {
	pthread_t thread;
	bool running;
	volatile sig_atomic_t stop;
	struct sender *s;
} bg;

static void *thread_main(void *arg)
{
	(void)arg;
	/* The readers come first: on a busy machine the sender takes only the
	 * CPU the request workers leave (Linux applies nice to one thread). */
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19) < 0)
		log_msg("mail sender: could not lower its priority");
	sender_loop(bg.s, false, NULL, NULL);
	return NULL;
}

int sender_thread_start(const struct config *cfg)
{
	if (strcmp(cfg->mail_sender, "thread") != 0)
		return 0;
	bg.stop = 0;
	if ((bg.s = sender_new(cfg, &bg.stop)) == NULL)
		return -1;
	if (pthread_create(&bg.thread, NULL, thread_main, NULL) != 0) {
		sender_free(bg.s);
		return -1;
	}
	bg.running = true;
	log_msg("mail sender started (%s)", cfg->mail_transport);
	return 0;
}

void sender_thread_stop(void)
{
	if (!bg.running)
		return;
	bg.stop = 1;
	pthread_join(bg.thread, NULL);
	sender_free(bg.s);
	bg.running = false;
}
