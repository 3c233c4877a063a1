package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.netsim.BlockadeFile;
import io.slipway.netsim.NetsimException;
import io.slipway.netsim.Target;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Library;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code blockade("blockade.yml")}: loads a Blockade file and starts its containers on a private
 * network of the run (links first, {@code start_delay} honoured), so Blockade's walk-through runs
 * as a pipeline: {@code flaky}/{@code slow} use the file's {@code network:} settings, the other
 * commands are the network's ({@code partition}, {@code status}, {@code fast}, {@code heal}).
 */
public final class BlockadeBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: network simulation");
    d.type("Blockade", "The containers of a Blockade file on their private network (`blockade(..)`).",
        BlockadeValue.class, "Any");
    d.fn("blockade").param("file", "String", "blockade.yml", "\"blockade.yml\"").returns("Blockade")
        .effects(Effect.DOCKER, Effect.FILES)
        .doc("""
            Loads a Blockade file (relative to `build.dir`: `containers` with image, command, links, \
            environment, ports, start_delay; `network` with flaky, slow, driver) and starts its \
            containers on a private network, those linked to first. Removed when the run ends.""")
        .impl((cx, r, a) -> start(cx, (String) a[0]));
    d.property("Blockade", "network").type("Network").doc("The Blockade's private network.")
        .get((cx, r) -> b(r).network());
    d.property("Blockade", "containers").type("List<Container>").doc("The containers, in start order.")
        .get((cx, r) -> List.copyOf(b(r).containers().values()));
    d.method("Blockade", "container").param("name", "String").returns("Container")
        .doc("The container named `name` in the file.")
        .impl((cx, r, a) -> {
          ContainerValue c = b(r).containers().get((String) a[0]);
          if (c == null) {
            throw SlipException.engine("the Blockade file has no container `" + a[0] + "` (it has "
                + String.join(", ", b(r).containers().keySet()) + ")");
          }
          return c;
        });
    d.method("Blockade", "flaky").vararg("containers", "Container").effects(Effect.DOCKER)
        .doc("`blockade flaky`: drops the file's `network: flaky` share (default 30%) of what the containers receive.")
        .impl((cx, r, a) -> {
          List<Target> ts = NetsimCalls.targets(cx, b(r).network(), (List<?>) a[0]);
          NetsimCalls.call(() -> NetsimCalls.sim(cx).flaky(ts, b(r).file().flaky(), 0, null, false));
          return Unit.INSTANCE;
        });
    d.method("Blockade", "slow").vararg("containers", "Container").effects(Effect.DOCKER)
        .doc("`blockade slow`: delays what the containers send by the file's `network: slow` (default 75ms ± 100ms).")
        .impl((cx, r, a) -> {
          List<Target> ts = NetsimCalls.targets(cx, b(r).network(), (List<?>) a[0]);
          var f = b(r).file();
          var plan = NetsimCalls.call(() -> NetsimCalls.sim(cx).slow(ts, Duration.ofNanos(f.slowUs() * 1000),
              Duration.ofNanos(f.jitterUs() * 1000), "auto", false, null, false));
          plan.notes().forEach(Calls.output(cx, false)::info);
          return Unit.INSTANCE;
        });
  }

  private static BlockadeValue b(Object r) {
    return (BlockadeValue) r;
  }

  private static Object start(CallContext cx, String file) {
    Path path = io.slipway.run.Workspace.of(Calls.run(cx)).resolve("blockade", file);
    BlockadeFile bf;
    try {
      bf = BlockadeFile.parse(SourceFile.read(path, file));
    } catch (IOException e) {
      throw SlipException.engine("cannot read " + file + ": " + e.getMessage());
    } catch (NetsimException e) {
      throw SlipException.engine(e.getMessage());
    }
    String netName = "blockade";
    NetworkValue net = NetworkBuiltins.create(cx, netName, false);
    Output out = Calls.output(cx, false);
    Map<String, ContainerValue> started = new LinkedHashMap<>();
    for (BlockadeFile.Container c : bf.containers().values()) {
      if (c.startDelayMs() > 0) {
        try {
          Thread.sleep(c.startDelayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw DockerSession.<RuntimeException>sneaky(e);
        }
      }
      List<Pair> ports = new ArrayList<>();
      for (int[] p : c.ports()) {
        ports.add(new Pair((long) p[0], (long) p[1]));
      }
      started.put(c.name(), ContainerOps.start(cx, new ContainerOps.StartArgs(c.image(), c.name(), net, ports,
          c.environment(), c.command(), List.of(), null, null, null, null, true, c.image(), false), out));
    }
    out.info("blockade: started " + String.join(", ", started.keySet()) + " on network " + netName);
    return new BlockadeValue(bf, net, started);
  }
}
