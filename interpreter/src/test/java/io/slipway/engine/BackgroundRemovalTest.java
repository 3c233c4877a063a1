package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.scope.ResourceScope;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link ResourceTracker#removeInBackground}: the run's cleanup waits for a removal still under
 * way, and removes (and reports) a resource whose background removal failed.
 */
class BackgroundRemovalTest {
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final ResourceScope run = ResourceScope.root(ResourceScope.Kind.RUN, "r", null);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger failuresLeft = new AtomicInteger();

  private ResourceTracker tracker() {
    var engine = (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          if (m.getName().equals("removeContainer")) {
            release.await(5, TimeUnit.SECONDS);
            if (failuresLeft.getAndDecrement() > 0) {
              throw new EngineException("engine busy");
            }
            log.add("removed " + args[0]);
          }
          return null;
        });
    return new ResourceTracker(engine, RunLabels.forCurrentProcess("r", "p"), false,
        (kind, action, id, name, stage) -> log.add(action + " event " + id));
  }

  private void runCleanup() {
    assertThat(run.close()).isEmpty();
  }

  @Test
  void theRunCleanupWaitsForTheRemovalUnderWayAndDoesNotRepeatIt() throws Exception {
    var t = tracker();
    t.created(run, ResourceTracker.Kind.CONTAINER, "c1", "agent", "s");
    t.removeInBackground(ResourceTracker.Kind.CONTAINER, "c1", "agent");
    assertThat(log).containsExactly("created event c1");
    Thread.ofVirtual().start(() -> {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      release.countDown();
    });
    runCleanup();
    assertThat(log).containsExactly("created event c1", "removed c1", "removed event c1");
    assertThat(t.removed("c1")).isTrue();
  }

  @Test
  void aFailedBackgroundRemovalIsRetriedByTheRunCleanup() {
    var t = tracker();
    failuresLeft.set(1);
    release.countDown();
    t.created(run, ResourceTracker.Kind.CONTAINER, "c2", "agent", "s");
    t.removeInBackground(ResourceTracker.Kind.CONTAINER, "c2", "agent");
    runCleanup();
    assertThat(log).containsExactly("created event c2", "removed c2", "removed event c2");
  }
}
