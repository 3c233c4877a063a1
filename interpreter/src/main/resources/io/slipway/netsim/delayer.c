/*
 * slipway-delayer: holds each packet of an NFQUEUE queue and accepts it after a delay.
 *
 * Latency without sch_netem: iptables sends the packets to delay to queue N with
 * `-j NFQUEUE --queue-num N --queue-bypass`; this program binds the queue over raw netlink
 * (no library needed: built with `gcc -static`), and issues each verdict (NF_ACCEPT) when the
 * packet's time has come: delay + a uniform draw in [-jitter, +jitter] from a seeded generator.
 * Verdicts are issued in release-time order, so with jitter packets may be reordered (as netem).
 * If this program dies the queue has no listener and --queue-bypass lets packets through (fail
 * open); the queue is configured with NFQA_CFG_F_FAIL_OPEN so a full queue accepts too.
 *
 * Usage: delayer QUEUE DELAY_US JITTER_US SEED
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_queue.h>
#include <linux/netlink.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXHELD 65536

struct held { uint64_t due; uint32_t id; };
static struct held heap[MAXHELD];
static int nheld;
static int fd;
static uint16_t queue;
static uint32_t seq;
static uint64_t rng;

static uint64_t now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000u + (uint64_t)t.tv_nsec / 1000u;
}

static uint64_t next_rand(void) { /* splitmix64: same seed, same draws */
  uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void push(uint64_t due, uint32_t id) {
  int i = nheld++;
  while (i > 0 && heap[(i - 1) / 2].due > due) { heap[i] = heap[(i - 1) / 2]; i = (i - 1) / 2; }
  heap[i].due = due; heap[i].id = id;
}

static struct held pop(void) {
  struct held top = heap[0], last = heap[--nheld];
  int i = 0;
  for (;;) {
    int c = 2 * i + 1;
    if (c >= nheld) break;
    if (c + 1 < nheld && heap[c + 1].due < heap[c].due) c++;
    if (heap[c].due >= last.due) break;
    heap[i] = heap[c]; i = c;
  }
  heap[i] = last;
  return top;
}

struct req { struct nlmsghdr nh; struct nfgenmsg g; char attrs[64]; };

static void put_attr(struct req *r, uint16_t type, const void *data, uint16_t len) {
  struct nlattr *a = (struct nlattr *)((char *)r + NLMSG_ALIGN(r->nh.nlmsg_len));
  a->nla_type = type; a->nla_len = NLA_HDRLEN + len;
  memcpy((char *)a + NLA_HDRLEN, data, len);
  r->nh.nlmsg_len = NLMSG_ALIGN(r->nh.nlmsg_len) + NLA_ALIGN(a->nla_len);
}

static void start(struct req *r, uint16_t type, uint16_t flags) {
  memset(r, 0, sizeof *r);
  r->nh.nlmsg_len = NLMSG_LENGTH(sizeof(struct nfgenmsg));
  r->nh.nlmsg_type = (NFNL_SUBSYS_QUEUE << 8) | type;
  r->nh.nlmsg_flags = NLM_F_REQUEST | flags;
  r->nh.nlmsg_seq = ++seq;
  r->g.nfgen_family = AF_UNSPEC;
  r->g.version = NFNETLINK_V0;
  r->g.res_id = htons(queue);
}

static int send_req(struct req *r) {
  struct sockaddr_nl k = { .nl_family = AF_NETLINK };
  return sendto(fd, r, r->nh.nlmsg_len, 0, (struct sockaddr *)&k, sizeof k) < 0 ? -1 : 0;
}

static void verdict(uint32_t id) {
  struct req r;
  struct nfqnl_msg_verdict_hdr v = { .verdict = htonl(NF_ACCEPT), .id = htonl(id) };
  start(&r, NFQNL_MSG_VERDICT, 0);
  put_attr(&r, NFQA_VERDICT_HDR, &v, sizeof v);
  if (send_req(&r) < 0) perror("verdict");
}

static int config(void) {
  struct req r;
  struct nfqnl_msg_config_cmd cmd = { .command = NFQNL_CFG_CMD_BIND, .pf = htons(AF_INET) };
  struct nfqnl_msg_config_params p = { .copy_range = htonl(0), .copy_mode = NFQNL_COPY_META };
  uint32_t flags = htonl(NFQA_CFG_F_FAIL_OPEN), maxlen = htonl(MAXHELD / 2);
  start(&r, NFQNL_MSG_CONFIG, NLM_F_ACK);
  put_attr(&r, NFQA_CFG_CMD, &cmd, sizeof cmd);
  if (send_req(&r) < 0) return -1;
  start(&r, NFQNL_MSG_CONFIG, NLM_F_ACK);
  put_attr(&r, NFQA_CFG_PARAMS, &p, sizeof p);
  put_attr(&r, NFQA_CFG_QUEUE_MAXLEN, &maxlen, sizeof maxlen);
  put_attr(&r, NFQA_CFG_FLAGS, &flags, sizeof flags);
  put_attr(&r, NFQA_CFG_MASK, &flags, sizeof flags);
  return send_req(&r);
}

static volatile sig_atomic_t stop;
static void on_signal(int s) { (void)s; stop = 1; }

int main(int argc, char **argv) {
  if (argc != 5) { fprintf(stderr, "usage: delayer QUEUE DELAY_US JITTER_US SEED\n"); return 2; }
  queue = (uint16_t)atoi(argv[1]);
  int64_t delay = atoll(argv[2]), jitter = atoll(argv[3]);
  rng = strtoull(argv[4], NULL, 10);
  signal(SIGTERM, on_signal); signal(SIGINT, on_signal);
  /* release times matter more than anything else this process does: ask for a real-time
     priority, else a high nice level (both need CAP_SYS_NICE; without it, run as is) */
  struct sched_param sp = { .sched_priority = 10 };
  if (sched_setscheduler(0, SCHED_FIFO, &sp) != 0) setpriority(PRIO_PROCESS, 0, -15);
  fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_NETFILTER);
  if (fd < 0) { perror("socket"); return 1; }
  int buf = 8 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
  setsockopt(fd, SOL_SOCKET, 33 /* SO_RCVBUFFORCE */, &buf, sizeof buf);
  int one = 1;
  setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one);
  struct sockaddr_nl local = { .nl_family = AF_NETLINK };
  if (bind(fd, (struct sockaddr *)&local, sizeof local) < 0) { perror("bind"); return 1; }
  if (config() < 0) { perror("config"); return 1; }
  static char msg[1 << 16];
  while (!stop) {
    uint64_t t = now_us();
    while (nheld > 0 && heap[0].due <= t) verdict(pop().id);
    int wait = nheld > 0 ? (int)((heap[0].due - t + 999) / 1000) : 1000;
    struct pollfd pf = { .fd = fd, .events = POLLIN };
    if (poll(&pf, 1, wait) <= 0) continue;
    ssize_t n = recv(fd, msg, sizeof msg, 0);
    if (n < 0) { if (errno == ENOBUFS || errno == EINTR) continue; perror("recv"); return 1; }
    t = now_us();
    for (struct nlmsghdr *h = (struct nlmsghdr *)msg; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_type == NLMSG_ERROR) {
        struct nlmsgerr *e = NLMSG_DATA(h);
        if (e->error != 0) { fprintf(stderr, "netlink error %d\n", -e->error); return 1; }
        continue;
      }
      if ((h->nlmsg_type & 0xff) != NFQNL_MSG_PACKET) continue;
      struct nlattr *a = (struct nlattr *)((char *)NLMSG_DATA(h) + NLMSG_ALIGN(sizeof(struct nfgenmsg)));
      int left = h->nlmsg_len - NLMSG_LENGTH(NLMSG_ALIGN(sizeof(struct nfgenmsg)));
      while (left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= left) {
        if ((a->nla_type & NLA_TYPE_MASK) == NFQA_PACKET_HDR) {
          struct nfqnl_msg_packet_hdr *ph = (void *)((char *)a + NLA_HDRLEN);
          int64_t d = delay;
          if (jitter > 0) d += (int64_t)(next_rand() % (uint64_t)(2 * jitter + 1)) - jitter;
          if (d < 0) d = 0;
          if (nheld < MAXHELD) push(t + (uint64_t)d, ntohl(ph->packet_id));
          else verdict(ntohl(ph->packet_id));
          break;
        }
        left -= NLA_ALIGN(a->nla_len);
        a = (struct nlattr *)((char *)a + NLA_ALIGN(a->nla_len));
      }
    }
  }
  while (nheld > 0) verdict(pop().id); /* release what is held before leaving */
  return 0;
}
