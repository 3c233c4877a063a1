package io.slipway.stdlib.docker;

import io.slipway.builtin.BuiltinImpl;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import java.time.Duration;

/**
 * The parts of spec §9 (the proxied {@code link { }}) that are
 * declared—so that pipelines using them check—but not implemented yet. Calling one is an
 * {@code EngineError} "not implemented yet: <feature> (planned)", never a silent no-op.
 */
public final class PlannedBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    simulation(d);
  }

  private static BuiltinImpl planned(String feature) {
    return (cx, r, a) -> {
      throw SlipException.engine("not implemented yet: " + feature + " (planned)");
    };
  }

  private static void simulation(Declarations d) {
    d.category("Docker: network simulation, proxied links (planned)");
    d.fn("link").param("from", "Container").param("to", "Container").param("port", "Int")
        .param("block", "LinkScope.() -> Unit").effects(Effect.DOCKER)
        .doc("Routes `from`'s traffic to `to:port` through a fault-injecting proxy configured by the block (any kernel). Planned.")
        .impl(planned("link"));
    d.method("LinkScope", "latency").param("delay", "Duration").param("jitter", "Duration", Duration.ZERO, "0.ms")
        .doc("Delays data on the link. Planned.").impl(planned("link latency"));
    d.method("LinkScope", "bandwidth").param("rate", "Bandwidth").doc("Limits the link's rate. Planned.")
        .impl(planned("link bandwidth"));
    d.method("LinkScope", "timeout").param("after", "Duration").doc("Stops forwarding after `after`. Planned.")
        .impl(planned("link timeout"));
    d.method("LinkScope", "resetPeer").param("after", "Duration").doc("Resets connections after `after`. Planned.")
        .impl(planned("link resetPeer"));
  }
}
