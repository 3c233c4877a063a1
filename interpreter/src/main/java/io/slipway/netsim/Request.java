package io.slipway.netsim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One active call of the network simulation ({@code flaky}, {@code slow}, {@code limit},
 * {@code partition}, {@code isolate}): which slots it touches and how it changes their
 * {@link Conditions}. The conditions of a slot are the fold of every active request, in call
 * order, so a later {@code flaky} on the same container replaces an earlier one, and removing a
 * request (its {@code duration} ended, {@code fast}, {@code heal}) is recomputing the fold.
 */
sealed interface Request {
  long id();

  /** The targets whose conditions this request sets. */
  List<Target> targets();

  /** A condition on containers (removed by {@code fast}) rather than a partition. */
  boolean condition();

  Conditions fold(Target t, Conditions c);

  /** This request without {@code ids}, or null when nothing is left. */
  Request without(Set<String> ids);

  /** What the user asked, for the status table. */
  String describe();

  static List<Target> minus(List<Target> ts, Set<String> ids) {
    List<Target> l = new ArrayList<>();
    for (Target t : ts) {
      if (!ids.contains(t.id())) {
        l.add(t);
      }
    }
    return l;
  }

  static boolean in(List<Target> ts, Target t) {
    return ts.stream().anyMatch(x -> x.key().equals(t.key()));
  }

  /** {@code flaky}: drop received packets at random ({@code loss}) or every {@code every}th. */
  record Loss(long id, List<Target> targets, double loss, int every) implements Request {
    public boolean condition() {
      return true;
    }

    public Conditions fold(Target t, Conditions c) {
      return in(targets, t) ? c.withLoss(loss, every) : c;
    }

    public Request without(Set<String> ids) {
      List<Target> l = minus(targets, ids);
      return l.isEmpty() ? null : new Loss(id, l, loss, every);
    }

    public String describe() {
      return every > 0 ? "flaky 1/" + every : "flaky " + Units.percent(loss);
    }
  }

  /** {@code slow}: delay sent packets. */
  record Delay(long id, List<Target> targets, long delayUs, long jitterUs, Backend backend) implements Request {
    public boolean condition() {
      return true;
    }

    public Conditions fold(Target t, Conditions c) {
      return in(targets, t) ? c.withDelay(delayUs, jitterUs, backend) : c;
    }

    public Request without(Set<String> ids) {
      List<Target> l = minus(targets, ids);
      return l.isEmpty() ? null : new Delay(id, l, delayUs, jitterUs, backend);
    }

    public String describe() {
      return "slow " + Units.micros(delayUs) + (jitterUs > 0 ? "±" + Units.micros(jitterUs) : "");
    }
  }

  /** {@code limit}: cap sent (and optionally received) bits per second. */
  record Rate(long id, List<Target> targets, long egressBps, long ingressBps) implements Request {
    public boolean condition() {
      return true;
    }

    public Conditions fold(Target t, Conditions c) {
      return in(targets, t) ? c.withRate(egressBps, ingressBps) : c;
    }

    public Request without(Set<String> ids) {
      List<Target> l = minus(targets, ids);
      return l.isEmpty() ? null : new Rate(id, l, egressBps, ingressBps);
    }

    public String describe() {
      return "limit " + (egressBps > 0 ? Units.bits(egressBps) : "-")
          + (ingressBps > 0 ? " ingress " + Units.bits(ingressBps) : "");
    }
  }

  /**
   * {@code partition}: containers of different groups cannot exchange packets, those sharing a
   * group still can (groups may overlap); with {@code oneWay} only packets from the first group
   * to the later ones are dropped. Each receiver drops the senders' addresses on INPUT. An
   * {@code isolation} ({@code isolate(c)}: {@code c} against every other container on the
   * network) stays when a later {@code partition} replaces the previous one.
   */
  record Partition(long id, List<List<Target>> groups, boolean oneWay, boolean isolation) implements Request {
    public List<Target> targets() {
      List<Target> all = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (List<Target> g : groups) {
        for (Target t : g) {
          if (seen.add(t.key())) {
            all.add(t);
          }
        }
      }
      return all;
    }

    public boolean condition() {
      return false;
    }

    /** Whether packets from {@code from} to {@code to} are dropped. */
    boolean blocks(Target from, Target to) {
      if (from.key().equals(to.key())) {
        return false;
      }
      for (List<Target> g : groups) {
        if (in(g, from) && in(g, to)) {
          return false;
        }
      }
      if (oneWay) {
        if (!in(groups.get(0), from)) {
          return false;
        }
        for (int i = 1; i < groups.size(); i++) {
          if (in(groups.get(i), to)) {
            return true;
          }
        }
        return false;
      }
      return targets().stream().anyMatch(x -> x.key().equals(from.key()))
          && targets().stream().anyMatch(x -> x.key().equals(to.key()));
    }

    public Conditions fold(Target t, Conditions c) {
      Set<String> drops = new HashSet<>();
      for (Target from : targets()) {
        if (blocks(from, t)) {
          drops.add(from.ip());
        }
      }
      return drops.isEmpty() ? c : c.withDrops(drops);
    }

    public Request without(Set<String> ids) {
      return this; // fast() leaves partitions alone; heal() drops them
    }

    /** The group numbers (1-based) {@code t} belongs to, for the status table. */
    String groupsOf(Target t) {
      List<String> l = new ArrayList<>();
      for (int i = 0; i < groups.size(); i++) {
        if (in(groups.get(i), t)) {
          l.add(String.valueOf(i + 1));
        }
      }
      return String.join(",", l);
    }

    public String describe() {
      if (isolation) {
        return "isolate " + groups.get(0).get(0).name();
      }
      StringBuilder b = new StringBuilder("partition");
      for (List<Target> g : groups) {
        b.append(" [").append(String.join(",", g.stream().map(Target::name).toList())).append(']');
      }
      return b + (oneWay ? " one-way" : "");
    }
  }

  /** {@code link(from, to, port) { }}: {@code from}'s connections to one address and port go through a proxy. */
  record Proxied(long id, Target from, Link link) implements Request {
    public List<Target> targets() {
      return List.of(from);
    }

    public boolean condition() {
      return true;
    }

    public Conditions fold(Target t, Conditions c) {
      return from.key().equals(t.key()) ? c.withLink(link) : c;
    }

    public Request without(Set<String> ids) {
      return ids.contains(from.id()) ? null : this;
    }

    public String describe() {
      return from.name() + " " + link.describe();
    }
  }
}
