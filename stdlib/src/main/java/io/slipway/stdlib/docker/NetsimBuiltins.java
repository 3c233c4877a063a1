package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.netsim.NetSim;
import io.slipway.netsim.Target;
import io.slipway.stdlib.Library;
import io.slipway.value.Bandwidth;
import io.slipway.value.Percent;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Network simulation on a {@code Network} (spec §9): {@code flaky}, {@code slow}, {@code limit},
 * {@code partition}, {@code isolate}, {@code fast}, {@code heal}, {@code status},
 * {@code measure} and {@code plan}. Each condition is applied in the containers' own network
 * namespaces by a helper container and removed when the run ends (see {@link NetSim}).
 */
public final class NetsimBuiltins implements Library {
  /** Set while a {@code net.plan { }} block runs: calls add their commands here instead of applying. */
  private static final ThreadLocal<StringBuilder> PLANNING = new ThreadLocal<>();

  @Override
  public void declare(Declarations d) {
    d.category("Docker: network simulation");
    d.method("Network", "flaky").vararg("containers", "Container")
        .param("loss", "Percent", new Percent(0), "0.percent").param("every", "Int", 0L, "0")
        .param("duration", "Duration?", null, "null").effects(Effect.DOCKER)
        .doc("""
            Drops `loss` of the packets the containers receive on this network (iptables \
            `statistic --mode random`), or exactly one in `every` (`--mode nth`). Replaces an \
            earlier `flaky` of the same container; removed after `duration` when given.""")
        .impl((cx, r, a) -> {
          double loss = ((Percent) a[1]).fraction();
          int every = Calls.toInt(a[2]);
          if (loss == 0 && every == 0) {
            throw SlipException.engine("flaky needs `loss` (e.g. 30.percent) or `every` (e.g. 4)");
          }
          var ts = NetsimCalls.targets(cx, net(r), (List<?>) a[0]);
          return done(cx, dry -> NetsimCalls.sim(cx).flaky(ts, loss, every, (Duration) a[3], dry));
        });
    d.method("Network", "slow").vararg("containers", "Container").param("delay", "Duration")
        .param("jitter", "Duration", Duration.ZERO, "0.ms").param("backend", "String", "auto", "\"auto\"")
        .param("strict", "Bool", false, "false").param("duration", "Duration?", null, "null").effects(Effect.DOCKER)
        .doc("""
            Delays every packet the containers send on this network by `delay` ± `jitter` \
            (uniform). `backend`: `"netem"` (the kernel's sch_netem), `"nfqueue"` (Slipway's \
            packet delayer, for kernels without netem: per packet, may reorder with jitter, fails \
            open if it dies) or `"auto"` (netem when present, else nfqueue); the one used and its \
            fidelity are reported. `strict = true` fails rather than substitute nfqueue for netem.""")
        .impl((cx, r, a) -> {
          var ts = NetsimCalls.targets(cx, net(r), (List<?>) a[0]);
          return done(cx, dry -> NetsimCalls.sim(cx).slow(ts, (Duration) a[1], (Duration) a[2], (String) a[3],
              (Boolean) a[4], (Duration) a[5], dry));
        });
    d.method("Network", "limit").vararg("containers", "Container").param("rate", "Bandwidth")
        .param("ingress", "Bandwidth?", null, "null").param("duration", "Duration?", null, "null")
        .effects(Effect.DOCKER)
        .doc("""
            Caps what the containers send on this network at `rate` (a token bucket, tc `tbf`); \
            `ingress` also caps what they receive (through an ifb device).""")
        .impl((cx, r, a) -> {
          var ts = NetsimCalls.targets(cx, net(r), (List<?>) a[0]);
          long egress = ((Bandwidth) a[1]).bitsPerSecond();
          long ingress = a[2] == null ? 0 : ((Bandwidth) a[2]).bitsPerSecond();
          return done(cx, dry -> NetsimCalls.sim(cx).limit(ts, egress, ingress, (Duration) a[3], dry));
        });
    d.method("Network", "partition").vararg("groups", "List<Container>").param("oneWay", "Bool", false, "false")
        .param("duration", "Duration?", null, "null").effects(Effect.DOCKER)
        .doc("""
            Splits the network: containers in different groups cannot exchange packets, those \
            sharing a group still can (groups may overlap). `oneWay = true` drops only what the \
            first group sends to the later ones. Replaces the previous partition.""")
        .impl((cx, r, a) -> {
          List<List<Target>> groups = new ArrayList<>();
          for (Object g : (List<?>) a[0]) {
            groups.add(NetsimCalls.targets(cx, net(r), (List<?>) g));
          }
          return done(cx, dry -> NetsimCalls.sim(cx).partition(groups, (Boolean) a[1], (Duration) a[2], dry));
        });
    d.method("Network", "isolate").param("container", "Container").param("duration", "Duration?", null, "null")
        .effects(Effect.DOCKER)
        .doc("Cuts `container` off from every other container on this network (both ways), until `heal`.")
        .impl((cx, r, a) -> {
          Target t = NetsimCalls.target(cx, net(r), (ContainerValue) a[0]);
          List<Target> others = NetsimCalls.members(cx, net(r)).stream().filter(m -> !m.id().equals(t.id())).toList();
          return done(cx, dry -> NetsimCalls.sim(cx).isolate(t, others, (Duration) a[1], dry));
        });
    d.method("Network", "fast").vararg("containers", "Container").effects(Effect.DOCKER)
        .doc("Removes the loss, delay and rate conditions of the containers (partitions stay until `heal`).")
        .impl((cx, r, a) -> {
          var ts = NetsimCalls.targets(cx, net(r), (List<?>) a[0]);
          return done(cx, dry -> NetsimCalls.sim(cx).fast(ts, dry));
        });
    d.method("Network", "heal").effects(Effect.DOCKER).doc("Removes every condition and partition.")
        .impl((cx, r, a) -> done(cx, dry -> NetsimCalls.sim(cx).heal(dry)));
    d.method("Network", "status").returns("String").effects(Effect.DOCKER)
        .doc("""
            A table of the network's containers, like Blockade's `status`: NODE CONTAINER STATUS IP \
            NETWORK PARTITION, plus the conditions requested, the backend used and the last \
            `measure` from that container.""")
        .impl((cx, r, a) -> NetsimCalls.call(() -> NetStatus.table(cx, net(r))));
    d.method("Network", "measure").param("from", "Container").param("to", "Container").param("count", "Int", 100L, "100")
        .returns("NetMeasurement").effects(Effect.DOCKER)
        .doc("""
            Observes the path from `from` to `to`: `count` pings 10 ms apart (RTT percentiles, \
            loss) and a timed HTTP download of about three seconds' worth from `to` \
            (throughput of `to` → `from`). The containers need no tools: helpers sharing their \
            network namespaces do the work.""")
        .impl((cx, r, a) -> {
          Target from = NetsimCalls.target(cx, net(r), (ContainerValue) a[0]);
          Target to = NetsimCalls.target(cx, net(r), (ContainerValue) a[1]);
          var m = NetsimCalls.call(() -> NetsimCalls.sim(cx).measure(from, to, Calls.toInt(a[2])));
          return new MeasurementValue(from.name(), to.name(), m);
        });
    d.method("Network", "plan").param("block", "() -> Unit").returns("String").effects(Effect.DOCKER)
        .doc("""
            Runs the block without changing anything: the network calls in it return the exact \
            tc/iptables commands they would run (Comcast's dry run), which `plan` returns as text.""")
        .impl((cx, r, a) -> {
          StringBuilder outer = PLANNING.get();
          StringBuilder b = new StringBuilder();
          PLANNING.set(b);
          try {
            cx.invoke(a[0], List.of());
          } finally {
            PLANNING.set(outer);
          }
          return b.toString();
        });
    measurement(d);
  }

  private static void measurement(Declarations d) {
    d.type("NetMeasurement", "What `net.measure(from, to)` observed.", MeasurementValue.class, "Any");
    d.property("NetMeasurement", "sent").type("Int").doc("Pings sent.").get((cx, r) -> (long) m(r).sent());
    d.property("NetMeasurement", "received").type("Int").doc("Pings answered.").get((cx, r) -> (long) m(r).received());
    d.property("NetMeasurement", "loss").type("Percent").doc("The share of pings not answered.")
        .get((cx, r) -> new Percent(Math.round(m(r).loss() * 10000) / 100.0));
    d.property("NetMeasurement", "p50").type("Duration").doc("Median round-trip time (0 when nothing came back).")
        .get((cx, r) -> ms(m(r).p50Ms()));
    d.property("NetMeasurement", "p95").type("Duration").doc("95th percentile round-trip time.")
        .get((cx, r) -> ms(m(r).p95Ms()));
    d.property("NetMeasurement", "throughput").type("Bandwidth").doc("Download rate from `to` to `from` (0 when it failed).")
        .get((cx, r) -> new Bandwidth(Math.round(m(r).throughputBps())));
  }

  private static io.slipway.netsim.Measurement m(Object r) {
    return ((MeasurementValue) r).m();
  }

  private static Duration ms(double v) {
    return Double.isNaN(v) ? Duration.ZERO : Duration.ofNanos(Math.round(v * 1_000_000));
  }

  private static NetworkValue net(Object r) {
    return (NetworkValue) r;
  }

  /** Applies (or, inside {@code plan { }}, only plans) a change and reports its notes. */
  static Object done(CallContext cx, java.util.function.Function<Boolean, NetSim.Plan> change) {
    StringBuilder planning = PLANNING.get();
    NetSim.Plan p = NetsimCalls.call(() -> change.apply(planning != null));
    if (planning != null) {
      planning.append(p.text());
    } else {
      Output out = Calls.output(cx, false);
      p.notes().forEach(out::info);
    }
    return Unit.INSTANCE;
  }
}
