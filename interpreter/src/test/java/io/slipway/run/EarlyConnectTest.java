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

/** {@link RunState#connectEarly()}: one connection shared with {@link RunState#engine()}, closed at cleanup. */
class EarlyConnectTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();

  private ContainerEngine engine() {
    return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          calls.add(m.getName());
          return m.getName().equals("address") ? "fake://" : null;
        });
  }

  private RunState run(Supplier<ContainerEngine> factory) {
    var masker = new SecretMasker();
    return new RunState("r", "p", Path.of("."), EventSink.NONE, masker, factory);
  }

  @Test
  void theEarlyConnectionIsTheOneTheRunUsesAndIsClosedAtCleanup() throws Exception {
    var connects = new AtomicInteger();
    var release = new CountDownLatch(1);
    ContainerEngine e = engine();
    RunState run = run(() -> {
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
    assertThat(run.cleanup()).isEmpty();
    assertThat(calls).contains("close");
  }

  @Test
  void anEarlyConnectionNobodyUsedIsStillClosed() throws Exception {
    ContainerEngine e = engine();
    RunState run = run(() -> e);
    run.connectEarly();
    assertThat(run.cleanup()).isEmpty();
    assertThat(calls).contains("close");
    assertThat(run.engineUsed()).isFalse();
  }

  @Test
  void anEarlyFailureIsReportedByTheFirstUseAndTheNextUseTriesAgain() {
    var attempts = new AtomicInteger();
    ContainerEngine e = engine();
    RunState run = run(() -> {
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
    RunState run = run(() -> {
      attempts.incrementAndGet();
      return engine();
    }).planOnly(true);
    run.connectEarly();
    assertThat(run.cleanup()).isEmpty();
    assertThat(attempts).hasValue(0);
  }
}
