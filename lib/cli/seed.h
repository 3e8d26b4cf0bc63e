/* seed.h: demo content for hcadmin seed-demo beyond the news (seed_public.c). */
#ifndef HC_CLI_SEED_H
#define HC_CLI_SEED_H

#include "store/db.h"

/* Adds the demo events (dated around today), member organisations and board.
 * Run inside the seed's transaction. Returns 0 or -1. */
int seed_public(struct db *db);
/* Adds n generated events, one every other day, half of them past (benchmarks).
 * Returns 0 or -1. */
int seed_generated_events(struct db *db, long long n);

#endif
