package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.Subscription;
import io.slipway.stdlib.Library;
import io.slipway.value.ExecResult;
import io.slipway.value.Pair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code start}, {@code run} and {@code service}: containers of the run. */
public final class ContainerBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: containers");
    startLike(d.fn("start"), true).param("replace", "Bool", false, "false")
        .returns("Container").effects(Effect.DOCKER).resultNamedBy("name")
        .doc("""
            Starts a container and returns it once `waitFor` passes. `name` is its DNS name on \
            `network` (the engine name is scoped to the run, so two runs never collide); \
            `ports` publishes `host to container` ports; `command` is a `String` run through \
            `sh -c` or an argument vector; `volumes` mounts `Volume`s or host paths (relative to \
            `build.dir`) as `source to target`; `healthcheck` becomes the container's Docker \
            HEALTHCHECK. The container is removed when the run ends (`--keep` keeps it). A failed \
            `waitFor` reports the container's exit state and last log lines. With \
            `replace = true`, a container of the run already named `name` is swapped for the new \
            one as a whole: the new one is created first, the old one stopped and renamed aside, \
            the new one takes the name and starts; if it fails to start or to pass `waitFor`, it \
            is removed and the old one gets its name back and runs again (the error is thrown); \
            on success the old one is removed.""")
        .impl((cx, r, a) -> ContainerOps.start(cx, startArgs(a), Calls.output(cx, false)));
    d.fn("run")
        .param("image", "String | Image")
        .param("command", "String | List<String>?", null, "null")
        .param("env", "Map<String, String | Secret>", Map.of(), "mapOf()")
        .param("network", "Network?", null, "null")
        .param("volumes", "List<Pair<Volume | String, String>>", List.of(), "listOf()")
        .param("workdir", "String?", null, "null")
        .param("user", "String?", null, "null")
        .param("check", "Bool", true, "true")
        .param("quiet", "Bool", false, "false")
        .param("timeout", "Duration?", null, "null")
        .returns("ExecResult").effects(Effect.DOCKER)
        .doc("""
            Runs a one-off container: starts it, streams its output, waits until it exits, \
            removes it and returns its `ExecResult`. A non-zero exit code throws `StepFailed` \
            unless `check = false`; past `timeout` the container is killed and `Timeout` thrown.""")
        .impl(ContainerBuiltins::runOnce);
    startLike(d.fn("service").param("name", "String"), false)
        .returns("Container").effects(Effect.DOCKER).resultNamedBy("name")
        .doc("""
            Starts a container that lives for the current stage: it is removed when the stage \
            ends (at the top level: when the run ends). Takes the arguments of `start`; its \
            `name` is its DNS name on `network`.""")
        .impl((cx, r, a) -> {
          Object[] shifted = new Object[a.length];
          shifted[0] = a[1];
          shifted[1] = a[0];
          System.arraycopy(a, 2, shifted, 2, a.length - 2);
          // removed when the stage ends (its registration stops at the stage's scope)
          return ContainerOps.start(cx, startArgs(shifted), Calls.output(cx, false),
              io.slipway.scope.ResourceScope.Lifetime.STAGE);
        });
  }

  /** The parameters shared by start and service (service has its name first). */
  private static Declarations.FnBuilder startLike(Declarations.FnBuilder b, boolean withName) {
    b.param("image", "String | Image");
    if (withName) {
      b.param("name", "String?", null, "null");
    }
    return b.param("network", "Network?", null, "null")
        .param("ports", "List<Pair<Int, Int>>", List.of(), "listOf()")
        .param("env", "Map<String, String | Secret>", Map.of(), "mapOf()")
        .param("command", "String | List<String>?", null, "null")
        .param("volumes", "List<Pair<Volume | String, String>>", List.of(), "listOf()")
        .param("healthcheck", "Readiness?", null, "null")
        .param("waitFor", "Readiness?", null, "null")
        .param("workdir", "String?", null, "null")
        .param("user", "String?", null, "null")
        .param("init", "Bool", false, "false");
  }

  @SuppressWarnings("unchecked")
  private static ContainerOps.StartArgs startArgs(Object[] a) {
    return new ContainerOps.StartArgs(Calls.engineImage(a[0]), (String) a[1], (NetworkValue) a[2],
        (List<Pair>) a[3], Calls.env(a[4]), Calls.command(a[5]), (List<Pair>) a[6],
        (Readiness) a[7], (Readiness) a[8], (String) a[9], (String) a[10], (Boolean) a[11],
        Calls.imageRef(a[0]), a.length > 12 && (Boolean) a[12]);
  }

  @SuppressWarnings("unchecked")
  private static ExecResult runOnce(CallContext cx, Object recv, Object[] a) throws Exception {
    boolean check = (Boolean) a[7];
    boolean quiet = (Boolean) a[8];
    Duration timeout = (Duration) a[9];
    Output out = Calls.output(cx, quiet);
    var args = new ContainerOps.StartArgs(Calls.engineImage(a[0]), null, (NetworkValue) a[3], List.of(),
        Calls.env(a[2]), Calls.command(a[1]), (List<Pair>) a[4], null, null, (String) a[5],
        (String) a[6], false, Calls.imageRef(a[0]), false);
    long start = System.nanoTime();
    DockerSession s = Calls.session(cx);
    ContainerValue c = ContainerOps.start(cx, args, out);
    try {
      CountDownLatch ended = new CountDownLatch(1);
      Subscription logs = DockerSession.call("logs of " + c.name(),
          () -> s.engine().followLogs(c.id(), -1, out.sink(), ended::countDown));
      int code;
      try {
        Duration limit = timeout == null ? Duration.ofDays(365) : timeout;
        code = DockerSession.call("wait for " + (a[1] == null ? c.image() : Calls.display(a[1])), () -> {
          try {
            return s.engine().waitContainer(c.id(), limit);
          } catch (io.slipway.engine.EngineException e) {
            if (timeout != null && e.getMessage().contains("did not exit")) {
              throw new io.slipway.value.SlipException("Timeout", "`run` of " + c.image()
                  + " did not finish within " + io.slipway.value.Values.showDuration(timeout));
            }
            throw e;
          }
        });
        ended.await(5, TimeUnit.SECONDS);
      } finally {
        logs.close();
      }
      out.finish();
      var result = new ExecResult(code, out.stdout(), out.stderr(), Duration.ofNanos(System.nanoTime() - start));
      if (check && code != 0) {
        ContainerInfo info = s.engine().inspectContainer(c.id()).orElse(null);
        String state = info == null ? "exited with code " + code : info.state().describe();
        throw Calls.stepFailed("container of `" + c.image() + "` running `"
            + out.mask(a[1] == null ? "(image command)" : Calls.display(a[1])) + "` " + state, result);
      }
      return result;
    } finally {
      if (!Calls.run(cx).flags().keep()) {
        try {
          s.tracker().remove(io.slipway.engine.ResourceTracker.Kind.CONTAINER, c.id(), c.engineName());
        } catch (RuntimeException e) {
          // interrupted (timeout, cancel): the run's cleanup removes it
        }
      }
    }
  }
}
