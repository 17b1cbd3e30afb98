/* Tests for delayq: order by release time, FIFO on ties and on constant delay, capacity. */
#include "delayq.h"

#include <stdio.h>
#include <stdlib.h>

static int failures;

#define CHECK(cond)                                                         \
	do {                                                                \
		if (!(cond)) {                                              \
			fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); \
			failures++;                                         \
		}                                                           \
	} while (0)

static void constant_delay_keeps_arrival_order(void)
{
	struct delayq q;
	CHECK(delayq_init(&q, 1000) == 0);
	/* Arrivals 0..999 us apart by 0 or 1 us, each delayed 25 ms: the same ids come out in order. */
	uint64_t now = 1000000;
	for (uint32_t id = 0; id < 1000; id++) {
		now += id % 2;
		CHECK(delayq_push(&q, now + 25000, id) == 0);
	}
	struct delayq_entry e;
	for (uint32_t id = 0; id < 1000; id++) {
		CHECK(delayq_pop(&q, &e) == 0);
		CHECK(e.packet_id == id);
	}
	CHECK(delayq_pop(&q, &e) == -1);
	delayq_free(&q);
}

static void jittered_release_comes_out_sorted(void)
{
	struct delayq q;
	CHECK(delayq_init(&q, 4096) == 0);
	srand(42);
	for (uint32_t id = 0; id < 4096; id++)
		CHECK(delayq_push(&q, (uint64_t)(rand() % 5000), id) == 0);
	struct delayq_entry prev, e;
	CHECK(delayq_pop(&q, &prev) == 0);
	while (delayq_pop(&q, &e) == 0) {
		CHECK(prev.release_us < e.release_us ||
		      (prev.release_us == e.release_us && prev.seq < e.seq));
		prev = e;
	}
	delayq_free(&q);
}

static void full_queue_refuses_and_peek_sees_earliest(void)
{
	struct delayq q;
	CHECK(delayq_init(&q, 3) == 0);
	CHECK(delayq_peek(&q) == NULL);
	CHECK(delayq_push(&q, 30, 1) == 0);
	CHECK(delayq_push(&q, 10, 2) == 0);
	CHECK(delayq_push(&q, 20, 3) == 0);
	CHECK(delayq_push(&q, 5, 4) == -1);
	CHECK(delayq_peek(&q)->packet_id == 2);
	delayq_free(&q);
}

int main(void)
{
	constant_delay_keeps_arrival_order();
	jittered_release_comes_out_sorted();
	full_queue_refuses_and_peek_sees_earliest();
	if (failures) {
		fprintf(stderr, "delayq_test: %d failure(s)\n", failures);
		return 1;
	}
	printf("delayq_test: ok\n");
	return 0;
}
