package io.slipway.stdlib.docker;

import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.compose.model.NetworkDef;
import io.slipway.compose.model.Service;
import io.slipway.compose.up.Lifecycle;
import io.slipway.engine.ContainerInfo;
import io.slipway.value.SlipException;
import java.util.List;
import java.util.Map;

/** The members of a compose {@code Service}: {@code exec}, {@code logs}, {@code ip}, {@code containers}. */
final class ServiceMethods {
  private ServiceMethods() {}

  static void declare(Declarations d) {
    d.property("Service", "name").type("String").doc("The service's name in the compose file.")
        .get((cx, r) -> svc(r).name());
    d.method("Service", "exec").param("command", "String | List<String>")
        .param("env", "Map<String, String | Secret>", Map.of(), "mapOf()")
        .param("workdir", "String?", null, "null").param("user", "String?", null, "null")
        .param("check", "Bool", true, "true").param("quiet", "Bool", false, "false")
        .param("index", "Int", 1L, "1").returns("ExecResult").effects(Effect.DOCKER)
        .doc("""
            Runs a command in the service's container number `index` (like \
            `docker-compose exec --index`), as `Container.exec`.""")
        .impl((cx, r, a) -> ContainerOps.exec(cx, container(cx, StackOps.lifecycle(cx, svc(r).stack(), false), svc(r),
            Calls.toInt(a[6])), a[0], Calls.env(a[1]), (String) a[2], (String) a[3], (Boolean) a[4], (Boolean) a[5]));
    d.method("Service", "logs").param("tail", "Int", -1L, "-1").returns("String").effects(Effect.DOCKER)
        .doc("The output of the service's containers (lines prefixed `<container> | ` when it has several).")
        .impl((cx, r, a) -> ComposeBuiltins.logs(StackOps.lifecycle(cx, svc(r).stack(), false), svc(r).name(),
            Calls.toInt(a[0]), false));
    d.method("Service", "ip").param("network", "String?", null, "null").param("index", "Int", 1L, "1")
        .returns("String").effects(Effect.DOCKER)
        .doc("The IP address of the service's container `index` on `network` (a network of the file; default: its first).")
        .impl((cx, r, a) -> ip(StackOps.lifecycle(cx, svc(r).stack(), false), svc(r), (String) a[0], Calls.toInt(a[1])));
    d.method("Service", "containers").returns("List<Container>").effects(Effect.DOCKER)
        .doc("The service's containers, as `Container`s (`exec`, `logs`, `copyFrom`, ...).")
        .impl((cx, r, a) -> ComposeBuiltins.containers(StackOps.lifecycle(cx, svc(r).stack(), false), svc(r).name(),
            Calls.session(cx).target()));
  }

  private static ServiceValue svc(Object r) {
    return (ServiceValue) r;
  }

  private static ContainerValue container(io.slipway.builtin.CallContext cx, Lifecycle l, ServiceValue s, int index) {
    for (ContainerInfo c : l.containers(s.name())) {
      if (c.labels().getOrDefault("com.docker.compose.container-number", "").equals(String.valueOf(index))) {
        return StackOps.container(c, null, Calls.session(cx).target());
      }
    }
    throw SlipException.error("service `" + s.name() + "` has no container number " + index + " (is the stack up?)");
  }

  private static String ip(Lifecycle l, ServiceValue s, String network, int index) {
    Service def = s.stack().project().service(s.name());
    String key = network != null ? network : def.networks().isEmpty() ? null : def.networks().keySet().iterator().next();
    NetworkDef net = key == null ? null : s.stack().project().networks().get(key);
    if (network != null && (net == null || !def.networks().containsKey(network))) {
      throw SlipException.error("service `" + s.name() + "` is not on a network `" + network + "` (its networks: "
          + String.join(", ", def.networks().keySet()) + ")");
    }
    ContainerInfo c = l.containers(s.name()).stream()
        .filter(x -> x.labels().getOrDefault("com.docker.compose.container-number", "").equals(String.valueOf(index)))
        .findFirst().orElseThrow(() -> SlipException.error("service `" + s.name() + "` has no container number "
            + index + " (is the stack up?)"));
    Map<String, String> nets = c.networks();
    String ip = net != null ? nets.get(net.name()) : nets.values().stream().findFirst().orElse(null);
    if (ip == null || ip.isEmpty()) {
      throw SlipException.error("container `" + c.name() + "` has no IP address" + (net == null ? "" : " on " + net.name())
          + " (" + c.state().describe() + ")");
    }
    return ip;
  }

  static List<String> names(List<ContainerInfo> cs) {
    return cs.stream().map(ContainerInfo::name).toList();
  }
}
