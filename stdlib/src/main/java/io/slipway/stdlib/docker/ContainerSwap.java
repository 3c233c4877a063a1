package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ResourceTracker;
import io.slipway.scope.ResourceScope;
import java.time.Duration;

/**
 * {@code start(..., replace = true)} when the run already has a container of that name: the
 * swap happens as a whole or not at all. The new container is created under a temporary name
 * first (a bad image or setting leaves the old one untouched); then the old one is stopped and
 * renamed aside, the new one takes the name, starts and must pass {@code waitFor}. If it does
 * not, it is removed and the old one gets its name back and runs again, and the failure is
 * thrown; if it does, the old one is removed.
 */
final class ContainerSwap {
  private static final Duration STOP = Duration.ofSeconds(10);

  private ContainerSwap() {}

  static ContainerValue replace(CallContext cx, DockerSession s, ContainerInfo old,
      ContainerSpec.Builder spec, ContainerOps.StartArgs a, String userName, String engineName,
      ResourceScope.Lifetime lifetime) {
    ContainerEngine engine = s.engine();
    String next = engineName + "-next";
    String aside = engineName + "-replaced";
    ContainerSpec nextSpec = spec.name(next).build();
    String id = DockerSession.call("create container " + userName, () -> engine.createContainer(nextSpec));
    s.tracker().created(cx.scope(), lifetime, ResourceTracker.Kind.CONTAINER, id, engineName,
        Calls.stageName(cx));
    boolean wasRunning = old.state().running();
    DockerSession.call("replace container " + userName, () -> {
      engine.stopContainer(old.id(), STOP);
      engine.renameContainer(old.id(), aside);
      engine.renameContainer(id, engineName);
      return null;
    });
    var c = new ContainerValue(id, userName, engineName, a.shown(),
        a.network() == null ? null : a.network().engineName(), s.target());
    try {
      DockerSession.call("start container " + userName, () -> {
        engine.startContainer(id);
        return null;
      });
      if (a.waitFor() != null) {
        Waiter.await(s, c, a.waitFor());
      }
    } catch (RuntimeException failed) {
      rollBack(s, old, id, engineName, wasRunning, failed);
      throw failed;
    }
    // the old container is the run's: its removal goes through the tracker (skipped at the end)
    DockerSession.call("remove replaced container " + userName, () -> {
      s.tracker().remove(ResourceTracker.Kind.CONTAINER, old.id(), aside);
      return null;
    });
    return c;
  }

  /** The new container failed: it goes, and the old one is put back as it was. */
  private static void rollBack(DockerSession s, ContainerInfo old, String id, String engineName,
      boolean wasRunning, RuntimeException failed) {
    try {
      s.tracker().remove(ResourceTracker.Kind.CONTAINER, id, engineName);
      s.engine().renameContainer(old.id(), engineName);
      if (wasRunning) {
        s.engine().startContainer(old.id());
      }
    } catch (RuntimeException e) {
      failed.addSuppressed(e);
    }
  }
}
