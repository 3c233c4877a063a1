package io.slipway.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.scope.ResourceScope.Kind;
import io.slipway.scope.ResourceScope.Lifetime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Nested scopes: LIFO, exactly once, commit moves what outlives a scope outwards. */
class ResourceScopeTest {
  private final List<String> removed = Collections.synchronizedList(new ArrayList<>());
  private final ResourceScope session = ResourceScope.root(Kind.SESSION, "s", m -> m.replace("pw", "**"));
  private final ResourceScope run = session.child(Kind.RUN, "r");

  private Runnable remove(String what) {
    return () -> removed.add(what);
  }

  @Test
  void aDiscardedAttemptRemovesEverythingItCreatedLastFirst() {
    ResourceScope stage = run.child(Kind.STAGE, "it");
    ResourceScope attempt = stage.child(Kind.ATTEMPT, "it#1");
    attempt.register("network", Lifetime.RUN, remove("network"));
    attempt.register("container", Lifetime.RUN, remove("container"));
    attempt.register("service", Lifetime.STAGE, remove("service"));
    assertThat(attempt.close()).isEmpty();
    assertThat(removed).containsExactly("service", "container", "network");
    assertThat(stage.size()).isZero();
  }

  @Test
  void aCommittedAttemptKeepsWhatOutlivesItForTheRunInOrder() {
    ResourceScope stage = run.child(Kind.STAGE, "it");
    ResourceScope attempt = stage.child(Kind.ATTEMPT, "it#1");
    attempt.register("network", Lifetime.RUN, remove("network"));
    attempt.register("service", Lifetime.STAGE, remove("service"));
    attempt.register("container", Lifetime.RUN, remove("container"));
    attempt.onClose("agent", remove("agent"));
    assertThat(attempt.commit()).isEmpty();
    assertThat(removed).containsExactly("agent");
    assertThat(stage.commit()).isEmpty();
    assertThat(removed).containsExactly("agent", "service");
    run.register("later", Lifetime.RUN, remove("later"));
    assertThat(run.close()).isEmpty();
    assertThat(removed).containsExactly("agent", "service", "later", "container", "network");
  }

  @Test
  void endingAScopeEndsItsOpenChildrenFirst() {
    ResourceScope stage = run.child(Kind.STAGE, "s");
    ResourceScope attempt = stage.child(Kind.ATTEMPT, "s#1");
    ResourceScope retry = attempt.child(Kind.BLOCK, "retry 1");
    run.register("run-level", Lifetime.RUN, remove("run-level"));
    retry.register("inner", Lifetime.RUN, remove("inner"));
    assertThat(session.close()).isEmpty();
    assertThat(removed).containsExactly("inner", "run-level");
    assertThat(retry.ended()).isTrue();
  }

  @Test
  void failuresAreCollectedMaskedAndTheRestStillRuns() {
    run.register("a", Lifetime.RUN, remove("a"));
    run.register("b", Lifetime.RUN, () -> {
      throw new IllegalStateException("denied for pw");
    });
    assertThat(run.close()).containsExactly("b: denied for **");
    assertThat(removed).containsExactly("a");
  }

  @Test
  void concurrentEndsRunEachActionExactlyOnce() throws Exception {
    for (int i = 0; i < 50; i++) {
      run.register("r" + i, Lifetime.RUN, remove("r" + i));
    }
    var start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        run.close();
      }));
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(removed).hasSize(50).doesNotHaveDuplicates();
    assertThat(removed.get(0)).isEqualTo("r49");
  }

  @Test
  void aRegistrationAfterTheEndGoesOutwardsOrRunsAtOnce() {
    ResourceScope attempt = run.child(Kind.STAGE, "s").child(Kind.ATTEMPT, "s#1");
    attempt.close();
    attempt.register("late run resource", Lifetime.RUN, remove("late"));
    assertThat(removed).as("the run is still open: it takes it").isEmpty();
    attempt.onClose("late attempt action", remove("now"));
    assertThat(removed).containsExactly("now");
    run.close();
    assertThat(removed).containsExactly("now", "late");
  }

  @Test
  void servicesAreFoundInnermostFirst() {
    run.provide(String.class, "run engine");
    ResourceScope block = run.child(Kind.STAGE, "s").child(Kind.BLOCK, "on(remote)");
    assertThat(block.service(String.class)).isEqualTo("run engine");
    block.provide(String.class, "remote engine");
    assertThat(block.service(String.class)).isEqualTo("remote engine");
    assertThat(run.service(String.class)).isEqualTo("run engine");
    assertThat(block.service(Integer.class)).isNull();
    assertThat(block.service(Integer.class, () -> 7)).isEqualTo(7);
    assertThat(block.enclosing(Kind.RUN)).isSameAs(run);
  }
}
