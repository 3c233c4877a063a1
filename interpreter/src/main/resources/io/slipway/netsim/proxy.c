/*
 * slipway-proxy: a TCP proxy with stream faults for one link (Slipway's `link { }`).
 *
 * Runs in a helper sharing the client container's network namespace; iptables REDIRECTs the
 * client's connections to UPSTREAM_IP:UPSTREAM_PORT to this proxy's port on 127.0.0.1, and the
 * proxy opens its own connection upstream, marked with SO_MARK so the redirect skips it.
 * Faults, after Toxiproxy's toxics (data "downstream" = from the upstream to the client):
 *   latency LAT_US +- JIT_US   each chunk read downstream is released after latency + a uniform
 *                              draw in [-jitter, jitter] (seeded), never before the previous one
 *   rate RATE_BPS              downstream data leaves at most at this many bits per second
 *   timeout TIMEOUT_MS         no data (and no close) passes either way; the connection is closed
 *                              TIMEOUT_MS after it was accepted (0: held open, never closed)
 *   reset RESET_MS             RESET_MS after it was accepted the client gets a TCP reset
 *   slow close SLOWCLOSE_MS    when the upstream closes, the close reaches the client this late
 *   limit LIMIT_BYTES          after this many bytes downstream the connection is closed
 * -1 disables a fault. On start it binds 127.0.0.1:0, forks, and prints "<pid> <port>" once the
 * child listens (so the caller knows where to redirect), then exits; the child serves until killed.
 *
 * Usage: proxy UPSTREAM_IP UPSTREAM_PORT MARK LAT_US JIT_US RATE_BPS TIMEOUT_MS RESET_MS
 *              SLOWCLOSE_MS LIMIT_BYTES SEED
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAXCONN 256
#define CHUNK 16384
#define MAXQUEUED (1 << 20)

struct chunk { struct chunk *next; int64_t due; size_t len, off; char data[]; };
struct dir {
  int src, dst;            /* indexes into the connection's fds: 0 client, 1 upstream */
  struct chunk *head, *tail;
  size_t queued;
  int eof;                 /* the source closed (or the limit was reached) */
  int64_t eof_due;         /* when the end may be passed on */
  int shut;                /* the end was passed on */
  int64_t last_due, next_tx;
  int down;
};
struct conn { int fd[2]; int connected; int64_t born; uint64_t sent_down; struct dir d[2]; };

static struct conn *conns[MAXCONN];
static struct sockaddr_in upstream;
static int mark;
static int64_t lat, jit, rate, timeout_ms, reset_ms, slowclose_ms, limit;
static uint64_t rng;

static int64_t now_us(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static uint64_t next_rand(void) { /* splitmix64: same seed, same draws */
  uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void nonblock(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

static void drop(int i, int reset) {
  struct conn *c = conns[i];
  if (reset) {
    struct linger l = {1, 0}; /* close with RST */
    setsockopt(c->fd[0], SOL_SOCKET, SO_LINGER, &l, sizeof l);
  }
  for (int k = 0; k < 2; k++) {
    close(c->fd[k]);
    struct chunk *ch = c->d[k].head;
    while (ch) { struct chunk *n = ch->next; free(ch); ch = n; }
  }
  free(c);
  conns[i] = NULL;
}

static void accept_one(int lfd) {
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0) return;
  int slot = -1;
  for (int i = 0; i < MAXCONN; i++) if (!conns[i]) { slot = i; break; }
  int ufd = socket(AF_INET, SOCK_STREAM, 0);
  if (slot < 0 || ufd < 0) { close(cfd); if (ufd >= 0) close(ufd); return; }
  setsockopt(ufd, SOL_SOCKET, SO_MARK, &mark, sizeof mark);
  int one = 1;
  setsockopt(ufd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  setsockopt(cfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  nonblock(cfd);
  nonblock(ufd);
  if (connect(ufd, (struct sockaddr *)&upstream, sizeof upstream) < 0 && errno != EINPROGRESS) {
    struct linger l = {1, 0};
    setsockopt(cfd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    close(cfd); close(ufd);
    return;
  }
  struct conn *c = calloc(1, sizeof *c);
  c->fd[0] = cfd; c->fd[1] = ufd; c->born = now_us();
  c->d[0].src = 0; c->d[0].dst = 1;            /* upstream: client -> server */
  c->d[1].src = 1; c->d[1].dst = 0; c->d[1].down = 1;
  conns[slot] = c;
}

/* Reads what the source has; queues it with its release time. Returns -1 on error. */
static int pull(struct conn *c, struct dir *d, int64_t now) {
  char buf[CHUNK];
  if (d->eof) return 0; /* POLLHUP keeps coming after the end: it was handled */
  ssize_t n = read(c->fd[d->src], buf, sizeof buf);
  if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -1;
  if (n == 0) {
    d->eof = 1;
    d->eof_due = (d->last_due > now ? d->last_due : now) + (d->down && slowclose_ms > 0 ? slowclose_ms * 1000 : 0);
    if (timeout_ms >= 0) d->eof_due = INT64_MAX; /* a silent link passes no close either */
    return 0;
  }
  if (timeout_ms >= 0) return 0; /* the link is silent: data is swallowed */
  if (d->down && limit >= 0) {
    uint64_t left = (uint64_t)limit - c->sent_down;
    if ((uint64_t)n >= left) {
      n = (ssize_t)left;
      d->eof = 1;
    }
    c->sent_down += (uint64_t)n;
  }
  int64_t due = now;
  if (d->down && (lat > 0 || jit > 0)) {
    int64_t j = jit > 0 ? (int64_t)(next_rand() % (uint64_t)(2 * jit + 1)) - jit : 0;
    due = now + (lat + j > 0 ? lat + j : 0);
  }
  if (due < d->last_due) due = d->last_due; /* a stream keeps its order */
  d->last_due = due;
  if (d->eof) d->eof_due = due;
  if (n > 0) {
    struct chunk *ch = malloc(sizeof *ch + (size_t)n);
    ch->next = NULL; ch->due = due; ch->len = (size_t)n; ch->off = 0;
    memcpy(ch->data, buf, (size_t)n);
    if (d->tail) d->tail->next = ch; else d->head = ch;
    d->tail = ch;
    d->queued += (size_t)n;
  }
  return 0;
}

/* Writes what is due; paces downstream data at `rate`. Returns -1 on error. */
static int push(struct conn *c, struct dir *d, int64_t now) {
  while (d->head && d->head->due <= now) {
    if (d->down && rate > 0 && d->next_tx > now) return 0;
    struct chunk *ch = d->head;
    size_t want = ch->len - ch->off;
    if (d->down && rate > 0) {
      size_t quantum = (size_t)(rate / 8 / 200); /* 5 ms worth */
      if (quantum < 512) quantum = 512;
      if (want > quantum) want = quantum;
    }
    ssize_t n = write(c->fd[d->dst], ch->data + ch->off, want);
    if (n < 0) return errno == EAGAIN || errno == EINTR ? 0 : -1;
    if (d->down && rate > 0) {
      /* credit for up to 100 ms of late wake-ups (a loaded machine), so the average holds */
      int64_t base = d->next_tx > now - 100000 ? d->next_tx : now - 100000;
      if (d->next_tx == 0) base = now;
      d->next_tx = base + (int64_t)n * 8 * 1000000 / rate;
    }
    ch->off += (size_t)n;
    d->queued -= (size_t)n;
    if (ch->off < ch->len) return 0;
    d->head = ch->next;
    if (!d->head) d->tail = NULL;
    free(ch);
  }
  if (d->eof && !d->head && !d->shut && d->eof_due <= now) {
    shutdown(c->fd[d->dst], SHUT_WR);
    d->shut = 1;
  }
  return 0;
}

static int64_t earliest(struct conn *c, int64_t t) {
  if (reset_ms >= 0 && c->born + reset_ms * 1000 < t) t = c->born + reset_ms * 1000;
  if (timeout_ms > 0 && c->born + timeout_ms * 1000 < t) t = c->born + timeout_ms * 1000;
  for (int k = 0; k < 2; k++) {
    struct dir *d = &c->d[k];
    if (d->head) {
      int64_t due = d->head->due;
      if (d->down && rate > 0 && d->next_tx > due) due = d->next_tx;
      if (due < t) t = due;
    } else if (d->eof && !d->shut && d->eof_due < t) {
      t = d->eof_due;
    }
  }
  return t;
}

static void serve(int lfd) {
  struct pollfd p[1 + 2 * MAXCONN];
  int owner[1 + 2 * MAXCONN];
  for (;;) {
    int64_t now = now_us();
    int64_t wake = now + 1000000;
    int n = 0;
    p[n].fd = lfd; p[n].events = POLLIN; owner[n++] = -1;
    for (int i = 0; i < MAXCONN; i++) {
      struct conn *c = conns[i];
      if (!c) continue;
      for (int k = 0; k < 2; k++) {
        short ev = 0;
        struct dir *in = &c->d[k];          /* data read from fd k */
        struct dir *out = &c->d[1 - k];     /* data written to fd k */
        if (!in->eof && in->queued < MAXQUEUED && (k == 0 || c->connected)) ev |= POLLIN;
        if (k == 1 && !c->connected) ev |= POLLOUT;
        if (c->connected || k == 0) {
          if (out->head && out->head->due <= now && !(out->down && rate > 0 && out->next_tx > now)) ev |= POLLOUT;
        }
        p[n].fd = ev ? c->fd[k] : -1; /* nothing wanted: no busy loop on a hung-up socket */
        p[n].events = ev; owner[n++] = i * 2 + k;
      }
      wake = earliest(c, wake);
    }
    int ms = wake > now ? (int)((wake - now + 999) / 1000) : 0;
    if (poll(p, (nfds_t)n, ms) < 0 && errno != EINTR) return;
    now = now_us();
    if (p[0].revents & POLLIN) accept_one(lfd);
    for (int x = 1; x < n; x++) {
      int i = owner[x] / 2, k = owner[x] % 2;
      struct conn *c = conns[i];
      if (!c) continue;
      if (k == 1 && !c->connected && (p[x].revents & (POLLOUT | POLLERR | POLLHUP))) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c->fd[1], SOL_SOCKET, SO_ERROR, &err, &len);
        if (err) { drop(i, 1); continue; }
        c->connected = 1;
      }
      if ((p[x].revents & (POLLIN | POLLHUP | POLLERR)) && pull(c, &c->d[k], now) < 0) { drop(i, 1); continue; }
    }
    for (int i = 0; i < MAXCONN; i++) {
      struct conn *c = conns[i];
      if (!c) continue;
      if (reset_ms >= 0 && now >= c->born + reset_ms * 1000) { drop(i, 1); continue; }
      if (timeout_ms > 0 && now >= c->born + timeout_ms * 1000) { drop(i, 0); continue; }
      if (c->connected && (push(c, &c->d[0], now) < 0 || push(c, &c->d[1], now) < 0)) { drop(i, 1); continue; }
      if (c->d[0].shut && c->d[1].shut) { drop(i, 0); continue; }
      /* the limit was reached and passed on: close the whole connection */
      if (c->d[1].shut && limit >= 0 && c->sent_down >= (uint64_t)limit) drop(i, 0);
    }
  }
}

int main(int argc, char **argv) {
  if (argc != 12) {
    fprintf(stderr, "usage: %s UPSTREAM_IP UPSTREAM_PORT MARK LAT_US JIT_US RATE_BPS TIMEOUT_MS RESET_MS "
        "SLOWCLOSE_MS LIMIT_BYTES SEED\n", argv[0]);
    return 2;
  }
  memset(&upstream, 0, sizeof upstream);
  upstream.sin_family = AF_INET;
  upstream.sin_port = htons((uint16_t)atoi(argv[2]));
  if (inet_pton(AF_INET, argv[1], &upstream.sin_addr) != 1) {
    fprintf(stderr, "not an IPv4 address: %s\n", argv[1]);
    return 2;
  }
  mark = (int)strtol(argv[3], NULL, 0);
  lat = atoll(argv[4]); jit = atoll(argv[5]); rate = atoll(argv[6]);
  timeout_ms = atoll(argv[7]); reset_ms = atoll(argv[8]); slowclose_ms = atoll(argv[9]); limit = atoll(argv[10]);
  rng = strtoull(argv[11], NULL, 10);
  signal(SIGPIPE, SIG_IGN);
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {0};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t alen = sizeof a;
  if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0 || listen(lfd, 128) < 0
      || getsockname(lfd, (struct sockaddr *)&a, &alen) < 0) {
    perror("slipway-proxy: listen");
    return 1;
  }
  nonblock(lfd);
  fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) { perror("slipway-proxy: fork"); return 1; }
  if (pid > 0) {
    printf("%d %d\n", (int)pid, (int)ntohs(a.sin_port));
    return 0;
  }
  setsid();
  int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) { dup2(devnull, 0); dup2(devnull, 1); }
  serve(lfd);
  return 0;
}
