package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A connection that does not complete (an engine that accepts but never answers) never keeps a
 * cancelled run waiting: neither the stage that needs the engine nor the run's cleanup.
 */
class ConnectInterruptTest {
  private final CountDownLatch never = new CountDownLatch(1);
  private final CountDownLatch connecting = new CountDownLatch(1);

  private Run run() {
    return new Session("p", Path.of("."), EventSink.NONE, new SecretMasker(), () -> {
      connecting.countDown();
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("not reached in these tests");
    }).newRun("r");
  }

  /** What the facade does when a run ends: its scope, then the session (not waiting if cancelled). */
  private static java.util.List<String> end(Run run) {
    var failures = new java.util.ArrayList<>(run.cleanup());
    failures.addAll(run.session().close(!run.isCancelled()));
    return failures;
  }

  /** The early connection has started (and now waits for the engine's answer). */
  private void waitUntilConnecting() {
    try {
      assertThat(connecting.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aStageWaitingForTheConnectionStopsWhenInterrupted() throws Exception {
    Run run = run();
    run.connectEarly();
    // the stage waits for the early connection only once that is under way; before, a slow
    // start of the connect thread let the stage run the connection itself (a flaky failure)
    waitUntilConnecting();
    var failure = new AtomicReference<Throwable>();
    Thread stage = Thread.ofPlatform().start(() -> {
      try {
        ContainerEngine unused = run.engine();
      } catch (RuntimeException e) {
        failure.set(e);
      }
    });
    Thread.sleep(200);
    stage.interrupt();
    stage.join(2_000);
    assertThat(stage.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOf(EngineException.class).hasMessageContaining("interrupted");
    never.countDown();
  }

  @Test
  void theCleanupOfACancelledRunDoesNotWaitForTheConnection() {
    Run run = run();
    run.connectEarly();
    run.cancel("interrupted by SIGTERM");
    long start = System.nanoTime();
    assertThat(end(run)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    never.countDown();
  }

  @Test
  void anInterruptedWaitIsAnEngineFailureNotAHang() {
    Run run = run();
    run.connectEarly();
    waitUntilConnecting();
    Thread.currentThread().interrupt();
    assertThatThrownBy(run::engine).isInstanceOf(EngineException.class);
    assertThat(Thread.interrupted()).as("the interruption stays visible").isTrue();
    never.countDown();
  }
}
