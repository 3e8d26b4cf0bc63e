/* test_arena.c: unit tests for the bump allocator. */
#include <criterion/criterion.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "util/arena.h"

Test(arena, alloc_is_zeroed_and_aligned)
{
	struct arena a = { 0 };
	unsigned char *p;
	size_t i, n;

	for (n = 1; n < 100; n += 7) {
		p = arena_alloc(&a, n);
		cr_assert_eq((uintptr_t)p % alignof(max_align_t), 0);
		for (i = 0; i < n; i++)
			cr_assert_eq(p[i], 0);
		memset(p, 0xAB, n);
	}
	arena_free(&a);
	cr_assert_null(a.head);
}

Test(arena, zero_size_gives_distinct_pointers)
{
	struct arena a = { 0 };
	void *p = arena_alloc(&a, 0), *q = arena_alloc(&a, 0);

	cr_assert_not_null(p);
	cr_assert_neq(p, q);
	arena_free(&a);
}

Test(arena, big_request_gets_its_own_chunk)
{
	struct arena a = { 0 };
	char *small = arena_strdup(&a, "före");
	char *big = arena_alloc(&a, 1 << 20);
	char *after;

	memset(big, 'x', 1 << 20);
	after = arena_strdup(&a, "efter");
	cr_assert_str_eq(small, "före");
	cr_assert_str_eq(after, "efter");
	cr_assert_eq(big[(1 << 20) - 1], 'x');
	cr_assert_geq(a.total, (size_t)(1 << 20));
	arena_free(&a);
}

Test(arena, many_allocations_span_chunks)
{
	struct arena a = { 0 };
	char *s[2000];
	int i;

	for (i = 0; i < 2000; i++)
		s[i] = arena_printf(&a, "rad %d", i);
	for (i = 0; i < 2000; i++) {
		char want[32];
		snprintf(want, sizeof(want), "rad %d", i);
		cr_assert_str_eq(s[i], want);
	}
	arena_free(&a);
}

Test(arena, reset_keeps_one_chunk_and_reuses_it)
{
	struct arena a = { 0 };
	void *first;
	int i;

	first = arena_alloc(&a, 10);
	for (i = 0; i < 100; i++)
		arena_alloc(&a, 1000);
	arena_alloc(&a, 100000);
	arena_reset(&a);
	cr_assert_not_null(a.head);
	cr_assert_eq(a.total, 0);
	cr_assert_eq(arena_alloc(&a, 10), first);
	arena_reset(&a);
	arena_reset(&a);
	arena_free(&a);
	cr_assert_null(a.head);
	arena_reset(&a);
	cr_assert_null(a.head);
}

Test(arena, strings)
{
	struct arena a = { 0 };

	cr_assert_null(arena_strdup(&a, NULL));
	cr_assert_str_eq(arena_strdup(&a, ""), "");
	cr_assert_str_eq(arena_strndup(&a, "Örebro län", 7), "Örebro");
	cr_assert_str_eq(arena_printf(&a, "%s-%zu-%05.1f", "id", (size_t)42, 3.14159), "id-42-003.1");
	arena_free(&a);
}

Test(arena, printf_longer_than_stack_buffer)
{
	struct arena a = { 0 };
	char want[1001];
	char *s;

	memset(want, 'y', 1000);
	want[1000] = '\0';
	s = arena_printf(&a, "%s", want);
	cr_assert_str_eq(s, want);
	cr_assert_str_eq(arena_printf(&a, "%.*s|", 300, want), arena_printf(&a, "%s|", want + 700));
	arena_free(&a);
}
