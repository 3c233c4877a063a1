package io.slipway.netsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one target should have on one network, folded from the active requests: receive loss
 * (random {@code loss} in [0,1], or every {@code every}th packet), egress delay and jitter (in
 * microseconds, through {@code delayBackend}), egress and ingress rate (bits per second, 0 for
 * none), the peer addresses whose packets it drops (partitions, isolation), and the proxied
 * {@link Link}s of its outgoing connections ({@code link { }}).
 */
public record Conditions(double loss, int every, long delayUs, long jitterUs, Backend delayBackend,
    long egressBps, long ingressBps, Set<String> dropFrom, List<Link> links) {
  /** Nothing applied. */
  public static final Conditions NONE = new Conditions(0, 0, 0, 0, null, 0, 0, Set.of());

  public Conditions {
    dropFrom = java.util.Collections.unmodifiableSet(new TreeSet<>(dropFrom));
    links = List.copyOf(links);
  }

  /** Without proxied links. */
  public Conditions(double loss, int every, long delayUs, long jitterUs, Backend delayBackend,
      long egressBps, long ingressBps, Set<String> dropFrom) {
    this(loss, every, delayUs, jitterUs, delayBackend, egressBps, ingressBps, dropFrom, List.of());
  }

  public boolean isEmpty() {
    return equals(NONE);
  }

  Conditions withLoss(double p, int n) {
    return new Conditions(p, n, delayUs, jitterUs, delayBackend, egressBps, ingressBps, dropFrom, links);
  }

  Conditions withDelay(long d, long j, Backend b) {
    return new Conditions(loss, every, d, j, b, egressBps, ingressBps, dropFrom, links);
  }

  Conditions withRate(long egress, long ingress) {
    return new Conditions(loss, every, delayUs, jitterUs, delayBackend, egress, ingress, dropFrom, links);
  }

  Conditions withDrops(Set<String> more) {
    var s = new TreeSet<>(dropFrom);
    s.addAll(more);
    return new Conditions(loss, every, delayUs, jitterUs, delayBackend, egressBps, ingressBps, s, links);
  }

  /** With {@code l}, replacing an earlier link to the same address and port. */
  Conditions withLink(Link l) {
    List<Link> all = new ArrayList<>();
    for (Link k : links) {
      if (!(k.toIp().equals(l.toIp()) && k.port() == l.port())) {
        all.add(k);
      }
    }
    all.add(l);
    return new Conditions(loss, every, delayUs, jitterUs, delayBackend, egressBps, ingressBps, dropFrom, all);
  }

  /** What is requested, for status tables: {@code loss 30% delay 100ms±10ms rate 1mbit drop 2}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    if (loss > 0) {
      b.append("loss ").append(Units.percent(loss)).append(' ');
    }
    if (every > 0) {
      b.append("loss 1/").append(every).append(' ');
    }
    if (delayUs > 0 || jitterUs > 0) {
      b.append("delay ").append(Units.micros(delayUs));
      if (jitterUs > 0) {
        b.append('±').append(Units.micros(jitterUs));
      }
      b.append(' ');
    }
    if (egressBps > 0) {
      b.append("rate ").append(Units.bits(egressBps)).append(' ');
    }
    if (ingressBps > 0) {
      b.append("ingress ").append(Units.bits(ingressBps)).append(' ');
    }
    if (!dropFrom.isEmpty()) {
      b.append("drop from ").append(String.join(",", dropFrom)).append(' ');
    }
    for (Link l : links) {
      b.append(l.describe()).append(' ');
    }
    return b.isEmpty() ? "-" : b.toString().strip();
  }
}
