package io.slipway.repl;

import java.time.Duration;
import java.util.List;

/**
 * A parsed {@code :net} command (issue 8 item 10): which network-simulation call it makes and
 * with what, containers still as the words typed ({@link Name}, with their column in the line
 * so that an unknown name is shown where it was typed). {@link NetParser} builds these;
 * {@code NetCommands} resolves the names and calls the run's {@code io.slipway.netsim.NetSim},
 * the same object the Slipfile builtins ({@code net.slow(...)}) use.
 */
public sealed interface NetCommand {
  /** {@code net=NAME}: the network (as the Slipfile named it), or null to infer it. */
  String network();

  /** A container name as typed, starting at {@code column} (0-based) of the command line. */
  record Name(String text, int column) {}

  /** {@code :net status}: every container of the session, per network, with its conditions. */
  record Status(String network) implements NetCommand {}

  /** {@code :net heal}: removes every condition and partition of the session's runs. */
  record Heal() implements NetCommand {
    @Override
    public String network() {
      return null;
    }
  }

  /** {@code :net slow NAME... DELAY [jitter=D] [backend=B] [strict] [duration=D]}. */
  record Slow(List<Name> containers, Duration delay, Duration jitter, String backend,
      boolean strict, Duration duration, String network) implements NetCommand {}

  /** {@code :net flaky NAME... LOSS% | every=N [duration=D]}; {@code loss} in 0..1. */
  record Flaky(List<Name> containers, double loss, int every, Duration duration,
      String network) implements NetCommand {}

  /** {@code :net limit NAME... RATE [ingress=RATE] [duration=D]}; bits per second. */
  record Limit(List<Name> containers, long rate, long ingress, Duration duration,
      String network) implements NetCommand {}

  /** {@code :net partition A,B C... [oneWay] [duration=D]}: groups of names. */
  record Partition(List<List<Name>> groups, boolean oneWay, Duration duration, String network)
      implements NetCommand {}

  /** {@code :net isolate NAME [duration=D]}: cut off from every other container on the network. */
  record Isolate(Name container, Duration duration, String network) implements NetCommand {}

  /**
   * {@code :net plan CHANGE...}: the exact tc/iptables commands {@code change} would run, per
   * container, without running them (Comcast's dry run; the builtins' {@code net.plan { }}).
   */
  record Plan(NetCommand change) implements NetCommand {
    @Override
    public String network() {
      return change.network();
    }
  }

  /** {@code :net fast NAME...}: removes the loss, delay and rate conditions of the containers. */
  record Fast(List<Name> containers, String network) implements NetCommand {}

  /** {@code :net measure FROM TO [count=N]}: observed RTT, loss and throughput. */
  record Measure(Name from, Name to, int count, String network) implements NetCommand {}

  /**
   * {@code :net link FROM TO PORT FAULT=VALUE... [duration=D]}: {@code from}'s TCP connections to
   * {@code to:port} go through the fault proxy, as the Slipfile's {@code link(from, to, port) { }}.
   */
  record Link(Name from, Name to, int port, LinkFaults faults, Duration duration, String network)
      implements NetCommand {}

  /** {@code :net unlink FROM TO PORT}: removes that link. */
  record Unlink(Name from, Name to, int port, String network) implements NetCommand {}

  /**
   * The faults of a {@code :net link}, named and measured as the {@code link { }} block's calls
   * ({@code latency(delay, jitter)}, {@code bandwidth(rate)}, ...); null (or -1) when not given.
   *
   * @param bandwidth bits per second, 0 when not given
   * @param limitData bytes, -1 when not given
   */
  record LinkFaults(Duration latency, Duration jitter, long bandwidth, Duration timeout,
      Duration resetPeer, Duration slowClose, long limitData) {
    /** {@code link} with these faults set, converted as the {@code LinkScope} builtins convert them. */
    public io.slipway.netsim.Link applyTo(io.slipway.netsim.Link link) {
      io.slipway.netsim.Link l = link;
      if (latency != null || jitter != null) {
        l = l.withLatency(micros(latency), micros(jitter));
      }
      if (bandwidth > 0) {
        l = l.withRate(bandwidth);
      }
      if (timeout != null) {
        l = l.withTimeout(timeout.toMillis());
      }
      if (resetPeer != null) {
        l = l.withReset(resetPeer.toMillis());
      }
      if (slowClose != null) {
        l = l.withSlowClose(slowClose.toMillis());
      }
      if (limitData >= 0) {
        l = l.withLimit(limitData);
      }
      return l;
    }

    private static long micros(Duration d) {
      return d == null ? 0 : d.toNanos() / 1000;
    }
  }
}
