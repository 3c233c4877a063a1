package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine reports a killed container as running for a while: settling polls past that. */
class ContainerSettlingTest {
  private static final ContainerState RUNNING = new ContainerState("running", true, 0, false, null, null);
  private static final ContainerState KILLED = new ContainerState("exited", false, 137, false, null, null);

  /** An engine whose inspect says "running" {@code lag} times, then "exited (137)". */
  private static ContainerEngine lagging(int lag, AtomicInteger inspections) {
    return (ContainerEngine) Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
          if (!method.getName().equals("inspectContainer")) {
            throw new UnsupportedOperationException(method.getName());
          }
          var state = inspections.getAndIncrement() < lag ? RUNNING : KILLED;
          return Optional.of(new ContainerInfo("id", "victim", "img", Map.of(), state, Map.of(), Map.of()));
        });
  }

  @Test
  void aKilledContainerStillReportedRunningIsSeenExitedOnceTheEngineCatchesUp() throws Exception {
    var inspections = new AtomicInteger();
    var state = ContainerSettling.settle(lagging(3, inspections), "id", Duration.ofMinutes(1));
    assertThat(state).contains(KILLED);
    assertThat(state.get().exitSummary()).isEqualTo("code 137, killed");
    assertThat(inspections).hasValue(4);
  }

  @Test
  void withoutABoundTheStateIsReadOnce() throws Exception {
    var inspections = new AtomicInteger();
    assertThat(ContainerSettling.settle(lagging(3, inspections), "id", Duration.ZERO)).contains(RUNNING);
    assertThat(inspections).hasValue(1);
  }

  @Test
  void onlySignalCodesOrNoCodeMayMeanTheContainerDied() {
    assertThat(ContainerSettling.maybeContainerDeath(137)).isTrue();
    assertThat(ContainerSettling.maybeContainerDeath(-1)).isTrue();
    assertThat(ContainerSettling.maybeContainerDeath(1)).isFalse();
    assertThat(ContainerSettling.maybeContainerDeath(128)).isFalse();
  }
}
