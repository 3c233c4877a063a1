package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.run.Run;
import io.slipway.run.SecretMasker;
import io.slipway.run.Session;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's network simulation is per engine: rules, helpers and the agent live where the
 * containers do, so a §9 call inside {@code on(engine) { }} must not reuse the simulation the
 * run first made on another engine (it would exec its helpers there, against ids that engine
 * does not know).
 */
class RunSimHostTest {
  @TempDir Path dir;

  private static ContainerEngine engineAt(String address) {
    return (ContainerEngine) Proxy.newProxyInstance(RunSimHostTest.class.getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> switch (m.getName()) {
          case "address" -> address;
          case "toString" -> "engine " + address;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> throw new UnsupportedOperationException(m.getName() + " (the test contacts no engine)");
        });
  }

  @Test
  void eachEngineTheRunUsesGetsItsOwnSimulationAndJournal() {
    Run run = new Session("p", dir, e -> { }, new SecretMasker(), () -> engineAt("unix:///default"))
        .newRun("r1");
    ContainerEngine local = engineAt("unix:///default");
    ContainerEngine remote = engineAt("tcp://10.0.0.2:2376");

    NetSim first = RunSimHost.simulation(run, remote, line -> { });
    NetSim onLocal = RunSimHost.simulation(run, local, line -> { });
    assertThat(onLocal).isNotSameAs(first);
    assertThat(RunSimHost.simulation(run, remote, line -> { })).isSameAs(first);
    // the engine as another call sees it (another wrapper, same address): the same simulation
    assertThat(RunSimHost.simulation(run, engineAt("unix:///default"), line -> { })).isSameAs(onLocal);
  }

  @Test
  void theFirstEngineKeepsTheRunsJournalNameLaterOnesAreQualified() {
    Run run = new Session("p", dir, e -> { }, new SecretMasker(), () -> engineAt("unix:///default"))
        .newRun("r2");
    NetSim a = RunSimHost.simulation(run, engineAt("unix:///default"), line -> { });
    NetSim b = RunSimHost.simulation(run, engineAt("tcp://10.0.0.2:2376"), line -> { });
    assertThat(a.host().journalName()).isEqualTo("r2");
    assertThat(b.host().journalName()).startsWith("r2-").hasSize("r2-".length() + 8);
    assertThat(b.host().engine().address()).isEqualTo("tcp://10.0.0.2:2376");
  }
}
