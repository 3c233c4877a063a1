package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.RealEngine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The two ways a change reaches the targets' namespaces, against the real engine: the run's one
 * {@link Agent} entering each namespace itself (what {@code auto} picks here), and one helper per
 * container ({@link Sidecars}) — forced, and chosen by {@code auto} when the engine refuses the agent.
 */
class AgentIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @Test
  void autoUsesOneAgentForEveryContainer() {
    try (var f = new SimFixture(ENGINE.get(), "auto")) {
      Target a = f.start("a");
      Target b = f.start("b");
      Target c = f.start("c");
      f.sim.partition(List.of(List.of(a), List.of(b, c)), false, null, false);
      assertThat(f.sim.helperMode()).isEqualTo("agent");
      assertThat(f.agent()).isPresent();
      assertThat(f.engine.listContainers(Map.of(RunLabels.RUN, f.labels.runId())).stream()
          .filter(x -> x.labels().containsKey(Sidecars.TARGET))).as("no per-container helper").isEmpty();
      assertThat(f.sh(a, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      assertThat(f.sh(c, "ping -c 2 -W 1 " + a.ip()).exitCode()).isNotZero();
      assertThat(f.sh(b, "ping -c 1 -W 2 " + c.ip()).exitCode()).isZero();
      assertThat(f.inNamespace(a, "iptables -S").output()).contains("SW-" + f.labels.suffix() + "-");
      f.sim.heal(false);
      assertThat(f.sh(a, "ping -c 1 -W 2 " + b.ip()).exitCode()).isZero();
      assertThat(f.inNamespace(a, "iptables -S").output()).doesNotContain("slipway:");

      // a stale pid in the agent's cache (here: another container's process) is not trusted
      String agent = f.agent().orElseThrow();
      String other = f.inNamespace(b, "cat /tmp/slipway-pid-" + b.id()).output().strip();
      new Sidecars(f).exec(agent, "echo " + other + " > /tmp/slipway-pid-" + a.id());
      f.sim.partition(List.of(List.of(a), List.of(b, c)), false, null, false);
      assertThat(f.sh(a, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      assertThat(f.sh(b, "ping -c 1 -W 2 " + c.ip()).exitCode()).as("b's namespace got only b's rules").isZero();
      assertThat(f.inNamespace(a, "iptables -S").output()).contains("-s " + b.ip() + "/32");
      f.sim.heal(false);

      // a restarted container has a new namespace: the agent finds it
      f.engine.stopContainer(a.id(), Duration.ofSeconds(1));
      f.engine.startContainer(a.id());
      Target a2 = new Target(a.id(), "a", f.engine.inspectContainer(a.id()).orElseThrow().networks()
          .get(f.labels.scoped("sim")), "sim");
      f.sim.partition(List.of(List.of(a2), List.of(b, c)), false, null, false);
      assertThat(f.sh(a2, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      f.sim.heal(false);
      // the delayer, started from the agent, runs in a's namespace
      f.sim.slow(List.of(a2), Duration.ofMillis(40), Duration.ZERO, "auto", false, null, false);
      assertThat(f.sim.measure(a2, c, 10).p50Ms()).isGreaterThanOrEqualTo(40.0);

      f.runCleanup();
      assertThat(f.agent()).as("the agent goes at the end of the run").isEmpty();
      assertThat(f.inNamespaceOfFresh(a2)).doesNotContain("slipway:").doesNotContain("5157");
    }
  }

  @Test
  void sidecarModeUsesOneHelperPerContainer() {
    try (var f = new SimFixture(ENGINE.get(), "sidecar")) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.partition(List.of(List.of(a), List.of(b)), false, null, false);
      assertThat(f.sim.helperMode()).isEqualTo("sidecar");
      assertThat(f.agent()).isEmpty();
      assertThat(f.engine.listContainers(Map.of(Sidecars.TARGET, a.id()))).hasSize(1);
      assertThat(f.engine.listContainers(Map.of(Sidecars.TARGET, b.id()))).hasSize(1);
      assertThat(f.sh(a, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      f.sim.heal(false);
      assertThat(f.sh(a, "ping -c 1 -W 2 " + b.ip()).exitCode()).isZero();
    }
  }

  @Test
  void anEngineRefusingTheAgentGetsOneHelperPerContainer() {
    ContainerEngine refusing = refusingHostPid(ENGINE.get());
    try (var f = new SimFixture(refusing, "auto")) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.partition(List.of(List.of(a), List.of(b)), false, null, false);
      assertThat(f.sim.helperMode()).isEqualTo("sidecar");
      assertThat(f.said).anyMatch(s -> s.startsWith("network changes go through one helper per container")
          && s.contains("host's PID namespace"));
      assertThat(f.sh(a, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      f.sim.heal(false);
      assertThat(f.sh(a, "ping -c 1 -W 2 " + b.ip()).exitCode()).isZero();
    }
    try (var f = new SimFixture(refusing, "agent")) {
      Target a = f.start("a");
      Target b = f.start("b");
      assertThatThrownBy(() -> f.sim.partition(List.of(List.of(a), List.of(b)), false, null, false))
          .isInstanceOf(NetsimException.class).hasMessageContaining(NetSim.MODE + "=agent");
      assertThat(f.sh(a, "ping -c 1 -W 2 " + b.ip()).exitCode()).as("nothing applied").isZero();
    }
  }

  /** The real engine, except that it refuses containers in the host's PID namespace (as a locked-down engine would). */
  private static ContainerEngine refusingHostPid(ContainerEngine real) {
    return (ContainerEngine) Proxy.newProxyInstance(AgentIT.class.getClassLoader(), new Class<?>[] {ContainerEngine.class},
        (proxy, m, args) -> {
          if (m.getName().equals("createContainer") && args[0] instanceof ContainerSpec s && s.options() != null
              && "host".equals(s.options().pidMode())) {
            throw new EngineException("host PID namespace not allowed by policy");
          }
          if (m.getName().equals("close")) {
            return null;
          }
          try {
            return m.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
