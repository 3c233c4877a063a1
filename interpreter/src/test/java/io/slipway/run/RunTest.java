package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run's cleanup (its scope), cancellation and masked events. */
class RunTest {
  private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
  private final SecretMasker masker = new SecretMasker();
  private final Session session = new Session("p", Path.of("."),
      new MaskingSink(events::add, masker), masker, () -> {
        throw new IllegalStateException("no engine");
      });
  private final Run run = session.newRun("r1");

  @Test
  void cleanupRunsLastRegisteredFirstExactlyOnce() throws Exception {
    var order = Collections.synchronizedList(new ArrayList<String>());
    run.onCleanup("network", () -> order.add("network"));
    run.onCleanup("container", () -> order.add("container"));
    run.onCleanup("broken", () -> {
      throw new IllegalStateException("boom");
    });
    var start = new CountDownLatch(1);
    var threads = new ArrayList<Thread>();
    var failures = Collections.synchronizedList(new ArrayList<String>());
    for (int i = 0; i < 4; i++) {
      threads.add(Thread.ofVirtual().start(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        failures.addAll(run.cleanup());
      }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(order).containsExactly("container", "network");
    assertThat(failures).containsExactly("broken: boom");
    var late = new AtomicInteger();
    run.onCleanup("late", late::incrementAndGet);
    assertThat(late).as("registered after cleanup: runs at once").hasValue(1);
  }

  @Test
  void closingTheSessionCleansUpARunNotYetCleanedUp() {
    var order = new ArrayList<String>();
    session.scope().onClose("session thing", () -> order.add("session"));
    run.onCleanup("run thing", () -> order.add("run"));
    assertThat(session.close()).isEmpty();
    assertThat(order).containsExactly("run", "session");
    assertThat(run.scope().ended()).isTrue();
  }

  @Test
  void cancelNotifiesListenersOnce() {
    var calls = new AtomicInteger();
    run.onCancel(r -> calls.incrementAndGet());
    assertThat(run.isCancelled()).isFalse();
    run.cancel("SIGINT");
    run.cancel("again");
    assertThat(run.isCancelled()).isTrue();
    assertThat(run.cancelReason()).isEqualTo("SIGINT");
    assertThat(calls).hasValue(1);
    run.onCancel(r -> calls.incrementAndGet());
    assertThat(calls).as("late listener hears at once").hasValue(2);
  }

  @Test
  void maskingSinkMasksEveryTextField() {
    masker.register("s3cr3t");
    run.events().emit(new Event.Log(Instant.now(), "st", Event.Stream.STDOUT, "x s3cr3t y"));
    run.events().emit(new Event.StageFinished(Instant.now(), "st", Status.FAILED,
        java.time.Duration.ZERO, "failed with s3cr3t"));
    run.events().emit(new Event.RunFinished(Instant.now(), Status.FAILED,
        java.time.Duration.ZERO, "s3cr3t", 1));
    assertThat(events.toString()).doesNotContain("s3cr3t").contains("x **** y");
  }

  @Test
  void engineIsNotCreatedUntilAsked() {
    assertThat(run.engineUsed()).isFalse();
  }
}
