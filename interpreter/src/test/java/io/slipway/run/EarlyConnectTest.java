package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link Run#connectEarly()}: one connection shared with {@link Run#engine()}, kept by the
 * session and closed when the session closes.
 */
class EarlyConnectTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  private ContainerEngine engine() {
    return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          calls.add(m.getName());
          return m.getName().equals("address") ? "fake://" : null;
        });
  }

  private Run run(Supplier<ContainerEngine> factory) {
    var masker = new SecretMasker();
    return new Session("p", Path.of("."), EventSink.NONE, masker, factory).newRun("r");
  }

  /** What the facade does when a run ends: the run's scope, then the session. */
  private static List<String> end(Run run) {
    var failures = new java.util.ArrayList<>(run.cleanup());
    failures.addAll(run.session().close());
    return failures;
  }

  @Test
  void theEarlyConnectionIsTheOneTheRunUsesAndIsClosedAtCleanup() throws Exception {
    var connects = new AtomicInteger();
    var release = new CountDownLatch(1);
    ContainerEngine e = engine();
    Run run = run(() -> {
      connects.incrementAndGet();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
      return e;
    });
    run.connectEarly();
    run.connectEarly();
    var used = new java.util.concurrent.atomic.AtomicReference<ContainerEngine>();
    Thread user = Thread.ofVirtual().start(() -> used.set(run.engine()));
    Thread.sleep(50);
    assertThat(used.get()).as("waits for the connection under way").isNull();
    release.countDown();
    user.join(5000);
    assertThat(used.get()).isSameAs(e);
    assertThat(run.engine()).isSameAs(e);
    assertThat(connects).hasValue(1);
    assertThat(end(run)).isEmpty();
    assertThat(calls).contains("close");
  }

  @Test
  void anEarlyConnectionNobodyUsedIsStillClosed() throws Exception {
    ContainerEngine e = engine();
    Run run = run(() -> e);
    run.connectEarly();
    assertThat(end(run)).isEmpty();
    assertThat(calls).contains("close");
    assertThat(run.engineUsed()).isFalse();
  }

  @Test
  void anEarlyFailureIsReportedByTheFirstUseAndTheNextUseTriesAgain() {
    var attempts = new AtomicInteger();
    ContainerEngine e = engine();
    Run run = run(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("engine down");
      }
      return e;
    });
    run.connectEarly();
    assertThatThrownBy(run::engine).hasMessage("engine down");
    assertThat(run.engine()).isSameAs(e);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void planningNeverConnects() {
    var attempts = new AtomicInteger();
    Run run = run(() -> {
      attempts.incrementAndGet();
      return engine();
    }).planOnly(true);
    run.connectEarly();
    assertThat(end(run)).isEmpty();
    assertThat(attempts).hasValue(0);
  }
}
