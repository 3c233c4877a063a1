package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.compose.load.ConfigWriter;
import io.slipway.compose.up.Lifecycle;
import io.slipway.compose.up.OneOff;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.LogLine;
import io.slipway.stdlib.Library;
import io.slipway.value.ExecResult;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code compose(..)} and the {@code Stack} members (spec §7). */
public final class ComposeBuiltins implements Library {
  static final Duration CONDITION_TIMEOUT = Duration.ofMinutes(5);

  @Override
  public void declare(Declarations d) {
    d.category("Docker: compose");
    d.fn("compose").vararg("files", "String").param("env", "Map<String, String>", Map.of(), "mapOf()")
        .param("project", "String?", null, "null").returns("Stack").effects(Effect.FILES)
        .doc("""
            Loads compose files (relative to `build.dir`), as `docker-compose -f a -f b` does: later \
            files override scalars, merge mappings and append to or replace lists per key. `${VAR}`, \
            `${VAR:-default}`, `${VAR:?message}` and friends take their values from `env`, then the \
            process environment, then the first file's directory's `.env`. `project` is the project \
            name (default: `COMPOSE_PROJECT_NAME`, the file's `name:`, or the directory's name). \
            Formats 2.x, 3.x and the Compose Specification. A mistake in a file fails the call \
            with every error located in the file; nothing touches Docker.""")
        .impl((cx, r, a) -> StackOps.load(cx, (List<?>) a[0], Calls.env(a[1]), (String) a[2]));
    d.property("Stack", "name").type("String").doc("The project name (containers are `<name>_<service>_<n>`).")
        .get((cx, r) -> stack(r).project().name());
    d.property("Stack", "services").type("List<String>").doc("The services, in file order.")
        .get((cx, r) -> List.copyOf(stack(r).project().services().keySet()));
    d.method("Stack", "config").returns("String")
        .doc("""
            The merged, interpolated configuration as YAML, meaning what `docker-compose config` \
            prints and accepted by `docker stack deploy` as it is (`depends_on` as a list unless a \
            condition needs the mapping, CPUs as strings, `$` written `$$`).""")
        .impl((cx, r, a) -> ConfigWriter.render(stack(r).project()));
    d.method("Stack", "up").param("services", "List<String>", List.of(), "listOf()")
        .param("keep", "Bool", false, "false").param("timeout", "Duration", CONDITION_TIMEOUT, "5.minutes")
        .effects(Effect.DOCKER)
        .doc("""
            Starts the services (every service without a profile when empty) and their dependencies: \
            networks and volumes first, images built or pulled when missing, then containers in \
            dependency order, independent services at the same time, each waiting for its \
            `depends_on` conditions (`service_healthy`, `service_completed_successfully`; at most \
            `timeout` each). Names and labels are docker-compose's, so `docker-compose -p <name> ps` \
            lists them. A second `up` recreates only the services whose configuration changed. What \
            `up` creates or starts is removed when the run ends, unless `keep = true`.""")
        .impl((cx, r, a) -> unit(() -> StackOps.lifecycle(cx, stack(r), (Boolean) a[1])
            .up(strings(a[0]), (Duration) a[2])));
    d.method("Stack", "down").param("volumes", "Bool", false, "false").effects(Effect.DOCKER)
        .doc("""
            Stops (with each service's `stop_grace_period`, dependents first) and removes the \
            stack's containers and networks, and its named volumes with `volumes = true`.""")
        .impl((cx, r, a) -> unit(() -> StackOps.lifecycle(cx, stack(r), false).down((Boolean) a[0])));
    d.method("Stack", "ps").returns("String").effects(Effect.DOCKER)
        .doc("A table of the stack's containers: NAME SERVICE STATE PORTS.")
        .impl((cx, r, a) -> StackOps.table(StackOps.lifecycle(cx, stack(r), false).ps()));
    d.method("Stack", "logs").param("service", "String?", null, "null").param("tail", "Int", -1L, "-1")
        .returns("String").effects(Effect.DOCKER)
        .doc("The output of the stack's containers (or one service's), each line prefixed `<container> | `.")
        .impl((cx, r, a) -> logs(StackOps.lifecycle(cx, stack(r), false), (String) a[0], Calls.toInt(a[1]), true));
    d.method("Stack", "service").param("name", "String").returns("Service")
        .doc("A handle on one service: `exec`, `logs`, `ip`, `containers`.")
        .impl((cx, r, a) -> {
          StackValue s = stack(r);
          String name = (String) a[0];
          if (s.project().service(name) == null) {
            throw SlipException.error("no service `" + name + "` in stack `" + s.project().name() + "` (services: "
                + String.join(", ", s.project().services().keySet()) + ")");
          }
          return new ServiceValue(s, name);
        });
    d.method("Stack", "restart").param("services", "List<String>", List.of(), "listOf()").effects(Effect.DOCKER)
        .doc("Restarts the services' containers (all when empty) without recreating them.")
        .impl((cx, r, a) -> unit(() -> StackOps.lifecycle(cx, stack(r), false).restart(strings(a[0]))));
    d.method("Stack", "scale").param("service", "String").param("replicas", "Int").effects(Effect.DOCKER)
        .doc("Runs `replicas` containers of the service (`<project>_<service>_1`, `_2`, ...).")
        .impl((cx, r, a) -> unit(() -> StackOps.lifecycle(cx, stack(r), false).scale((String) a[0], Calls.toInt(a[1]))));
    d.method("Stack", "run").param("service", "String").param("command", "String | List<String>?", null, "null")
        .param("env", "Map<String, String | Secret>", Map.of(), "mapOf()").param("check", "Bool", true, "true")
        .param("quiet", "Bool", false, "false").param("timeout", "Duration?", null, "null")
        .returns("ExecResult").effects(Effect.DOCKER)
        .doc("""
            A one-off container of the service, like `docker-compose run --rm`: its dependencies are \
            started first, `command` (a `String` through `sh -c`, or an argument vector; default: the \
            service's) runs with extra `env`, its output streams, and the container is removed. \
            Returns the `ExecResult`; a non-zero exit code throws `StepFailed` unless `check = false`.""")
        .impl(ComposeBuiltins::run);
    ServiceMethods.declare(d);
  }

  private static ExecResult run(CallContext cx, Object recv, Object[] a) throws Exception {
    StackValue st = stack(recv);
    String service = (String) a[0];
    boolean check = (Boolean) a[3];
    Output out = Calls.output(cx, (Boolean) a[4]);
    Duration timeout = a[5] == null ? Duration.ofDays(365) : (Duration) a[5];
    long start = System.nanoTime();
    OneOff.Result res = StackOps.call(() -> StackOps.lifecycle(cx, st, false).run(service, Calls.command(a[1]),
        Calls.env(a[2]), out.sink(), CONDITION_TIMEOUT, timeout));
    out.finish();
    if (res.timedOut()) {
      throw new SlipException("Timeout", "`run` of `" + service + "` did not finish within "
          + io.slipway.value.Values.showDuration(timeout));
    }
    var result = new ExecResult(res.exitCode(), out.stdout(), out.stderr(), Duration.ofNanos(System.nanoTime() - start));
    if (check && res.exitCode() != 0) {
      throw Calls.stepFailed("`" + service + "` one-off `" + (a[1] == null ? "(service command)"
          : out.mask(Calls.display(a[1]))) + "` exited with " + res.exitCode(), result);
    }
    return result;
  }

  static StackValue stack(Object r) {
    return (StackValue) r;
  }

  static List<String> strings(Object list) {
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) list) {
      out.add(String.valueOf(o));
    }
    return out;
  }

  /** Log lines of containers; prefixed {@code name | } when asked or when there are several. */
  static String logs(Lifecycle l, String service, int tail, boolean prefix) {
    Map<String, List<LogLine>> byContainer = l.logs(service, tail);
    boolean withName = prefix || byContainer.size() > 1;
    int width = byContainer.keySet().stream().mapToInt(String::length).max().orElse(0);
    StringBuilder sb = new StringBuilder();
    byContainer.forEach((name, lines) -> {
      for (LogLine line : lines) {
        if (withName) {
          sb.append(String.format("%-" + width + "s | ", name));
        }
        sb.append(line.text()).append('\n');
      }
    });
    return sb.toString();
  }

  /** A lifecycle operation without a result. */
  @FunctionalInterface
  interface Action {
    void run() throws InterruptedException;
  }

  private static Object unit(Action action) throws InterruptedException {
    StackOps.call(() -> {
      action.run();
      return null;
    });
    return Unit.INSTANCE;
  }

  /** The containers of a service, with the network a {@code Container} value names. */
  static List<Object> containers(Lifecycle l, String service, io.slipway.engine.EngineTarget engine) {
    List<Object> out = new ArrayList<>();
    for (ContainerInfo c : l.containers(service)) {
      out.add(StackOps.container(c, null, engine));
    }
    return out;
  }
}
