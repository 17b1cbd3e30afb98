#include "delayq.h"

#include <stdlib.h>

static int earlier(const struct delayq_entry *a, const struct delayq_entry *b)
{
	if (a->release_us != b->release_us)
		return a->release_us < b->release_us;
	return a->seq < b->seq;
}

static void swap(struct delayq_entry *a, struct delayq_entry *b)
{
	struct delayq_entry t = *a;
	*a = *b;
	*b = t;
}

int delayq_init(struct delayq *q, size_t capacity)
{
	q->heap = calloc(capacity, sizeof(*q->heap));
	q->len = 0;
	q->cap = capacity;
	q->next_seq = 0;
	return q->heap ? 0 : -1;
}

void delayq_free(struct delayq *q)
{
	free(q->heap);
	q->heap = NULL;
	q->len = q->cap = 0;
}

int delayq_push(struct delayq *q, uint64_t release_us, uint32_t packet_id)
{
	if (q->len == q->cap)
		return -1;
	size_t i = q->len++;
	q->heap[i] = (struct delayq_entry){ release_us, q->next_seq++, packet_id };
	while (i > 0) {
		size_t parent = (i - 1) / 2;
		if (!earlier(&q->heap[i], &q->heap[parent]))
			break;
		swap(&q->heap[i], &q->heap[parent]);
		i = parent;
	}
	return 0;
}

const struct delayq_entry *delayq_peek(const struct delayq *q)
{
	return q->len ? &q->heap[0] : NULL;
}

int delayq_pop(struct delayq *q, struct delayq_entry *out)
{
	if (q->len == 0)
		return -1;
	*out = q->heap[0];
	q->heap[0] = q->heap[--q->len];
	size_t i = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		if (l < q->len && earlier(&q->heap[l], &q->heap[m]))
			m = l;
		if (r < q->len && earlier(&q->heap[r], &q->heap[m]))
			m = r;
		if (m == i)
			break;
		swap(&q->heap[i], &q->heap[m]);
		i = m;
	}
	return 0;
}
