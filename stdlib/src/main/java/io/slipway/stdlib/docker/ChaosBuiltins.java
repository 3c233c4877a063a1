package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.netsim.ChaosSchedule;
import io.slipway.netsim.Target;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code chaos(..)} and the container faults it uses ({@code pause}, {@code unpause}). The event
 * sequence is drawn from the seed first ({@link ChaosSchedule}); each event's fault lasts until
 * the next event (a killed or stopped container is started again, a paused one unpaused, a
 * partition healed), and the last is undone when {@code duration} is over. Every event is
 * printed as it happens and the list is returned.
 */
public final class ChaosBuiltins implements io.slipway.stdlib.Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: network simulation");
    d.fn("chaos").param("targets", "List<Container>").param("action", "ChaosAction?", null, "null")
        .param("every", "Duration").param("seed", "Int", 0L, "0").param("duration", "Duration")
        .param("actions", "List<ChaosAction>", List.of(), "listOf()").returns("List<String>").effects(Effect.DOCKER)
        .doc("""
            Every `every`, for `duration`, applies `action` (or one drawn from `actions`) to a \
            target drawn from `targets`: `Chaos.KILL`, `STOP`, `PAUSE`, `RESTART`, or `PARTITION` \
            (a random split of the targets on their network). Draws come from `seed`: the same \
            seed gives the same events. Each fault lasts until the next event; everything is \
            undone at the end. Returns the events (`"5s KILL client1"`).""")
        .impl((cx, r, a) -> run(cx, (List<?>) a[0], (ChaosAction) a[1], (Duration) a[2], Calls.toInt(a[3]),
            (Duration) a[4], (List<?>) a[5]));
    d.property(null, "Chaos").type("ChaosActions")
        .doc("The actions of `chaos`: `Chaos.KILL`, `Chaos.STOP`, `Chaos.PAUSE`, `Chaos.RESTART`, `Chaos.PARTITION`.")
        .get((cx, r) -> ChaosAction.Actions.INSTANCE);
    for (ChaosAction a : ChaosAction.values()) {
      d.property("ChaosActions", a.name()).type("ChaosAction").doc("Chaos action `" + a.name() + "`.")
          .get((cx, r) -> a);
    }
    d.method("Container", "pause").effects(Effect.DOCKER).doc("Freezes every process of the container (`docker pause`).")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "pause " + ContainerMethods.c(r).name(),
            () -> Calls.session(cx).engine().pauseContainer(ContainerMethods.c(r).id())));
    d.method("Container", "unpause").effects(Effect.DOCKER).doc("Thaws a paused container (`docker unpause`).")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "unpause " + ContainerMethods.c(r).name(),
            () -> Calls.session(cx).engine().unpauseContainer(ContainerMethods.c(r).id())));
  }

  private static Object run(CallContext cx, List<?> targetValues, ChaosAction action, Duration every, long seed,
      Duration duration, List<?> actionValues) {
    List<ContainerValue> targets = targetValues.stream().map(o -> (ContainerValue) o).toList();
    List<String> actions = new ArrayList<>();
    if (action != null) {
      actions.add(action.name());
    }
    actionValues.forEach(o -> actions.add(((ChaosAction) o).name()));
    List<ChaosSchedule.Event> events = NetsimCalls.call(() -> ChaosSchedule.draw(targets.size(), actions, every,
        duration, seed));
    Output out = Calls.output(cx, false);
    List<String> log = new ArrayList<>();
    long start = System.nanoTime();
    Runnable undo = () -> {};
    try {
      for (ChaosSchedule.Event e : events) {
        sleepUntil(start, e.at());
        undo.run();
        ContainerValue t = targets.get(e.target());
        String line = seconds(e.at()) + " " + e.action() + " " + t.name()
            + (e.secondGroup().isEmpty() ? "" : " | " + String.join(",", e.secondGroup().stream()
                .map(i -> targets.get(i).name()).toList()));
        out.info("chaos: " + line);
        log.add(line);
        undo = apply(cx, targets, e);
      }
      sleepUntil(start, duration);
    } finally {
      undo.run();
    }
    return List.copyOf(log);
  }

  /** Applies one event; returns what undoes it. */
  private static Runnable apply(CallContext cx, List<ContainerValue> targets, ChaosSchedule.Event e) {
    var engine = Calls.session(cx).engine();
    ContainerValue t = targets.get(e.target());
    Runnable restart = () -> {
      DockerSession.call("start " + t.name(), () -> {
        engine.startContainer(t.id());
        return null;
      });
      NetsimCalls.sim(cx).reattach(t.id());
    };
    switch (e.action()) {
      case "KILL" -> {
        ContainerMethods.engineDo(cx, "kill " + t.name(), () -> engine.killContainer(t.id(), "KILL"));
        return restart;
      }
      case "STOP" -> {
        ContainerMethods.engineDo(cx, "stop " + t.name(), () -> engine.stopContainer(t.id(), Duration.ofSeconds(2)));
        return restart;
      }
      case "PAUSE" -> {
        ContainerMethods.engineDo(cx, "pause " + t.name(), () -> engine.pauseContainer(t.id()));
        return () -> ContainerMethods.engineDo(cx, "unpause " + t.name(), () -> engine.unpauseContainer(t.id()));
      }
      case "RESTART" -> {
        ContainerMethods.engineDo(cx, "restart " + t.name(), () -> {
          engine.stopContainer(t.id(), Duration.ofSeconds(2));
          engine.startContainer(t.id());
        });
        NetsimCalls.sim(cx).reattach(t.id());
        return () -> {};
      }
      case "PARTITION" -> {
        NetworkValue n = network(cx, t);
        List<Target> first = new ArrayList<>();
        List<Target> second = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
          (e.secondGroup().contains(i) ? second : first).add(NetsimCalls.target(cx, n, targets.get(i)));
        }
        NetsimCalls.call(() -> NetsimCalls.sim(cx).partition(List.of(first, second), false, null, false));
        return () -> NetsimCalls.call(() -> NetsimCalls.sim(cx).heal(false));
      }
      default -> throw SlipException.engine("unknown chaos action " + e.action());
    }
  }

  /** The network {@code t} was started on, for a chaos partition. */
  private static NetworkValue network(CallContext cx, ContainerValue t) {
    if (t.network() == null) {
      throw SlipException.engine("chaos PARTITION needs targets started on a network (`network = net`)");
    }
    var info = DockerSession.call("inspect network", () -> Calls.session(cx, t.engine()).engine().inspectNetwork(t.network()))
        .orElseThrow(() -> SlipException.engine("the network of `" + t.name() + "` no longer exists"));
    String user = info.name().endsWith("-" + Calls.session(cx).labels().suffix())
        ? info.name().substring(0, info.name().length() - 9) : info.name();
    return new NetworkValue(info.id(), user, info.name(), t.engine());
  }

  private static void sleepUntil(long start, Duration at) {
    long wait = at.toNanos() - (System.nanoTime() - start);
    if (wait > 0) {
      try {
        Thread.sleep(Duration.ofNanos(wait));
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw DockerSession.<RuntimeException>sneaky(ex);
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
