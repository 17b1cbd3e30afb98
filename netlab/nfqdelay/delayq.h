/*
 * delayq: packets held until their release time, earliest first.
 *
 * A binary min-heap keyed by (release time, arrival sequence). The sequence breaks ties and,
 * because release times never decrease when there is no jitter, makes the queue FIFO in that
 * case: packet order is kept unless jitter or reordering is asked for. Fixed capacity, no
 * allocation after creation. Not thread safe; one owner.
 */
#ifndef NETLAB_DELAYQ_H
#define NETLAB_DELAYQ_H

#include <stddef.h>
#include <stdint.h>

struct delayq_entry {
	uint64_t release_us; /* CLOCK_MONOTONIC microseconds */
	uint64_t seq;        /* arrival order, assigned by delayq_push */
	uint32_t packet_id;  /* NFQUEUE packet id */
};

struct delayq {
	struct delayq_entry *heap;
	size_t len;
	size_t cap;
	uint64_t next_seq;
};

/* Returns 0, or -1 when memory is short. */
int delayq_init(struct delayq *q, size_t capacity);
void delayq_free(struct delayq *q);
/* Returns 0, or -1 when the queue is full (the caller decides what a full link does). */
int delayq_push(struct delayq *q, uint64_t release_us, uint32_t packet_id);
/* The earliest entry, or NULL when empty. */
const struct delayq_entry *delayq_peek(const struct delayq *q);
/* Removes the earliest entry into *out; returns 0, or -1 when empty. */
int delayq_pop(struct delayq *q, struct delayq_entry *out);

#endif
