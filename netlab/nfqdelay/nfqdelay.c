/*
 * nfqdelay: a link delay for one NFQUEUE queue, the netem substitute on kernels without netem.
 *
 * Binds queue N, records each queued packet's id with a release time (now + delay, plus uniform
 * jitter in [-J, +J] ms) and issues NF_ACCEPT once that time has passed. With no jitter and no
 * reordering, packets leave in the order they came. With -r P a packet is, with probability P,
 * accepted at once, overtaking those held (netem's "reorder"). When the hold queue is full the
 * packet is dropped, as a full link buffer would. On SIGTERM/SIGINT every held packet is
 * accepted before exit so no flow is left stalled. Single threaded; one process per queue.
 *
 * usage: nfqdelay -q QUEUE -d DELAY_MS [-j JITTER_MS] [-r REORDER_PROB] [-s SEED] [-n MAX_HELD]
 */
#define _GNU_SOURCE /* ppoll */
#include "delayq.h"

#include <arpa/inet.h>
#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stopping;

struct config {
	uint32_t queue;
	uint64_t delay_us;
	uint64_t jitter_us;
	double reorder;
	uint64_t seed;
	size_t max_held;
};

struct delayer {
	struct config cfg;
	struct mnl_socket *nl;
	struct delayq q;
	uint64_t rng;
	unsigned long accepted, dropped_full, reordered;
};

static uint64_t now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

/* xorshift64*: reproducible with -s, which is all a test link needs. */
static uint64_t next_random(struct delayer *d)
{
	d->rng ^= d->rng >> 12;
	d->rng ^= d->rng << 25;
	d->rng ^= d->rng >> 27;
	return d->rng * 2685821657736338717ull;
}

static double uniform01(struct delayer *d)
{
	return (double)(next_random(d) >> 11) / (double)(1ull << 53);
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int send_msg(struct delayer *d, struct nlmsghdr *nlh)
{
	return mnl_socket_sendto(d->nl, nlh, nlh->nlmsg_len) < 0 ? -1 : 0;
}

static void verdict(struct delayer *d, uint32_t id, int v)
{
	char buf[512];
	struct nlmsghdr *nlh = nfq_nlmsg_put(buf, NFQNL_MSG_VERDICT, d->cfg.queue);
	nfq_nlmsg_verdict_put(nlh, (int)id, v);
	if (send_msg(d, nlh) < 0)
		perror("nfqdelay: verdict");
}

static uint64_t release_time(struct delayer *d, uint64_t now)
{
	int64_t delay = (int64_t)d->cfg.delay_us;
	if (d->cfg.jitter_us) {
		int64_t span = 2 * (int64_t)d->cfg.jitter_us + 1;
		delay += (int64_t)(next_random(d) % (uint64_t)span) - (int64_t)d->cfg.jitter_us;
		if (delay < 0)
			delay = 0;
	}
	return now + (uint64_t)delay;
}

static int on_packet(const struct nlmsghdr *nlh, void *data)
{
	struct delayer *d = data;
	struct nlattr *attr[NFQA_MAX + 1] = { 0 };
	if (nfq_nlmsg_parse(nlh, attr) < 0 || !attr[NFQA_PACKET_HDR])
		return MNL_CB_OK;
	struct nfqnl_msg_packet_hdr *ph = mnl_attr_get_payload(attr[NFQA_PACKET_HDR]);
	uint32_t id = ntohl(ph->packet_id);
	if (d->cfg.reorder > 0 && uniform01(d) < d->cfg.reorder) {
		d->reordered++;
		verdict(d, id, NF_ACCEPT);
		return MNL_CB_OK;
	}
	if (delayq_push(&d->q, release_time(d, now_us()), id) < 0) {
		d->dropped_full++;
		verdict(d, id, NF_DROP);
	}
	return MNL_CB_OK;
}

static void release_due(struct delayer *d, uint64_t now)
{
	const struct delayq_entry *head;
	struct delayq_entry e;
	while ((head = delayq_peek(&d->q)) && (stopping || head->release_us <= now)) {
		delayq_pop(&d->q, &e);
		verdict(d, e.packet_id, NF_ACCEPT);
		d->accepted++;
	}
}

static void bind_queue(struct delayer *d)
{
	char buf[512];
	struct nlmsghdr *nlh = nfq_nlmsg_put(buf, NFQNL_MSG_CONFIG, d->cfg.queue);
	nfq_nlmsg_cfg_put_cmd(nlh, AF_INET, NFQNL_CFG_CMD_BIND);
	if (send_msg(d, nlh) < 0)
		die("nfqdelay: bind queue");

	/* Only the id is needed, so no payload is copied; GSO packets stay whole (cheaper). */
	nlh = nfq_nlmsg_put(buf, NFQNL_MSG_CONFIG, d->cfg.queue);
	nfq_nlmsg_cfg_put_params(nlh, NFQNL_COPY_META, 0);
	nfq_nlmsg_cfg_put_qmaxlen(nlh, (uint32_t)d->cfg.max_held);
	mnl_attr_put_u32(nlh, NFQA_CFG_FLAGS, htonl(NFQA_CFG_F_GSO));
	mnl_attr_put_u32(nlh, NFQA_CFG_MASK, htonl(NFQA_CFG_F_GSO));
	if (send_msg(d, nlh) < 0)
		die("nfqdelay: configure queue");

	/* A full socket buffer makes the kernel drop the packet; make that rare and not an error. */
	int rcvbuf = 8 << 20, one = 1;
	setsockopt(mnl_socket_get_fd(d->nl), SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	mnl_socket_setsockopt(d->nl, NETLINK_NO_ENOBUFS, &one, sizeof(one));
}

static void usage(void)
{
	fprintf(stderr, "usage: nfqdelay -q QUEUE -d DELAY_MS [-j JITTER_MS] [-r REORDER_PROB]"
			" [-s SEED] [-n MAX_HELD]\n");
	exit(2);
}

static uint64_t ms_to_us(const char *s)
{
	char *end;
	double ms = strtod(s, &end);
	if (*end || ms < 0 || ms > 60000)
		usage();
	return (uint64_t)(ms * 1000.0 + 0.5);
}

static struct config parse_args(int argc, char **argv)
{
	struct config c = { .queue = 0, .delay_us = 0, .jitter_us = 0, .reorder = 0,
			    .seed = 0x9e3779b97f4a7c15ull, .max_held = 16384 };
	int have_queue = 0, have_delay = 0, opt;
	while ((opt = getopt(argc, argv, "q:d:j:r:s:n:")) != -1) {
		switch (opt) {
		case 'q': c.queue = (uint32_t)strtoul(optarg, NULL, 10); have_queue = 1; break;
		case 'd': c.delay_us = ms_to_us(optarg); have_delay = 1; break;
		case 'j': c.jitter_us = ms_to_us(optarg); break;
		case 'r': c.reorder = strtod(optarg, NULL); break;
		case 's': c.seed = strtoull(optarg, NULL, 10) | 1; break;
		case 'n': c.max_held = strtoul(optarg, NULL, 10); break;
		default: usage();
		}
	}
	if (!have_queue || !have_delay || c.reorder < 0 || c.reorder > 1 || c.max_held == 0)
		usage();
	return c;
}

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

int main(int argc, char **argv)
{
	struct delayer d = { .cfg = parse_args(argc, argv) };
	d.rng = d.cfg.seed;
	if (delayq_init(&d.q, d.cfg.max_held) < 0)
		die("nfqdelay: memory");

	struct sigaction sa = { .sa_handler = on_signal };
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	d.nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!d.nl || mnl_socket_bind(d.nl, 0, MNL_SOCKET_AUTOPID) < 0)
		die("nfqdelay: netlink");
	bind_queue(&d);
	unsigned int portid = mnl_socket_get_portid(d.nl);
	int fd = mnl_socket_get_fd(d.nl);
	fprintf(stderr, "nfqdelay: queue %u delay %.3f ms jitter %.3f ms reorder %.4f\n",
		d.cfg.queue, d.cfg.delay_us / 1000.0, d.cfg.jitter_us / 1000.0, d.cfg.reorder);

	static char buf[1 << 16];
	while (!stopping) {
		const struct delayq_entry *head = delayq_peek(&d.q);
		struct timespec timeout = { 1, 0 };
		if (head) {
			uint64_t now = now_us();
			uint64_t wait = head->release_us > now ? head->release_us - now : 0;
			timeout.tv_sec = (time_t)(wait / 1000000u);
			timeout.tv_nsec = (long)(wait % 1000000u) * 1000;
		}
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int n = ppoll(&pfd, 1, &timeout, NULL);
		if (n < 0 && errno != EINTR)
			die("nfqdelay: poll");
		if (n > 0) {
			for (;;) {
				ssize_t len = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);
				if (len < 0) {
					if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR &&
					    errno != ENOBUFS)
						die("nfqdelay: recv");
					break;
				}
				if (mnl_cb_run(buf, (size_t)len, 0, portid, on_packet, &d) < 0 &&
				    errno != EINTR)
					perror("nfqdelay: parse");
			}
		}
		release_due(&d, now_us());
	}
	release_due(&d, now_us());
	fprintf(stderr, "nfqdelay: queue %u accepted %lu reordered %lu dropped(full) %lu\n",
		d.cfg.queue, d.accepted, d.reordered, d.dropped_full);
	mnl_socket_close(d.nl);
	delayq_free(&d.q);
	return 0;
}
