package io.slipway.stdlib.docker;

import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.VolumeSpec;
import io.slipway.stdlib.Library;
import java.util.ArrayList;
import java.util.List;

/** {@code network}, {@code volume} and their members. */
public final class NetworkBuiltins implements Library {
  /** Creates a network of the run (tracked, joined by the stage's agent), as {@code network(..)} does. */
  static NetworkValue create(io.slipway.builtin.CallContext cx, String name, boolean internal) {
    DockerSession s = Calls.session(cx);
    String engineName = s.labels().scoped(name);
    String id = DockerSession.call("create network " + name, () -> s.engine().createNetwork(
        new NetworkSpec(engineName, "bridge", s.labelsFor(Calls.stageName(cx)), internal)));
    Calls.track(cx, s, ResourceTracker.Kind.NETWORK, id, engineName);
    for (String agent : s.agentNetworks().networkCreated(id, Calls.stage(cx))) {
      DockerSession.call("connect the stage's agent to network " + name, () -> {
        s.engine().connectNetwork(id, agent, List.of());
        return null;
      });
    }
    return new NetworkValue(id, name, engineName, s.target());
  }

  @Override
  public void declare(Declarations d) {
    d.category("Docker: networks and volumes");
    d.fn("network").param("name", "String").param("internal", "Bool", false, "false")
        .returns("Network").effects(Effect.DOCKER).resultNamedBy("name")
        .doc("""
            Creates a bridge network for the run. Containers started on it reach each other by \
            their names. The stage's agent joins it too (a network created outside any stage is \
            joined by every stage's agent), so `sh` steps reach the stage's services by name. \
            The engine name is scoped to the run; the network is removed when the run ends. \
            `internal = true` gives it no route outside.""")
        .impl((cx, r, a) -> create(cx, (String) a[0], (Boolean) a[1]));
    d.property("Network", "name").type("String").doc("The network's name as given to `network`.")
        .get((cx, r) -> ((NetworkValue) r).name());
    d.property("Network", "id").type("String").doc("The engine's id of the network.")
        .get((cx, r) -> ((NetworkValue) r).id());
    d.method("Network", "connect").param("container", "Container")
        .param("aliases", "List<String>", List.of(), "listOf()").effects(Effect.DOCKER)
        .doc("Joins a running container to this network; it is reachable by its name and `aliases`.")
        .impl((cx, r, a) -> {
          NetworkValue n = (NetworkValue) r;
          ContainerValue c = (ContainerValue) a[0];
          List<String> aliases = new ArrayList<>(List.of(c.name()));
          for (Object o : (List<?>) a[1]) {
            aliases.add(String.valueOf(o));
          }
          ContainerOps.sameEngine(Calls.session(cx, n.engine()), c.engine(), "container `" + c.name() + "`");
          return ContainerMethods.engineDo(cx, "connect " + c.name() + " to " + n.name(),
              () -> Calls.session(cx, n.engine()).engine().connectNetwork(n.id(), c.id(), aliases));
        });
    d.method("Network", "disconnect").param("container", "Container").effects(Effect.DOCKER)
        .doc("Removes a container from this network.")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "disconnect", () -> Calls.session(cx, ((NetworkValue) r).engine())
            .engine().disconnectNetwork(((NetworkValue) r).id(), ((ContainerValue) a[0]).id())));
    d.method("Network", "containers").returns("List<String>").effects(Effect.DOCKER)
        .doc("The engine names of the containers on this network.")
        .impl((cx, r, a) -> {
          NetworkValue n = (NetworkValue) r;
          DockerSession s = Calls.session(cx, n.engine());
          var info = DockerSession.call("inspect network " + n.name(), () -> s.engine().inspectNetwork(n.id()));
          List<String> names = new ArrayList<>();
          info.ifPresent(i -> i.containers().keySet().forEach(id ->
              s.engine().inspectContainer(id).ifPresent(c -> names.add(c.name()))));
          return List.copyOf(names);
        });
    d.method("Network", "remove").effects(Effect.DOCKER)
        .doc("Removes the network now (containers still on it are disconnected first).")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "remove network", () -> {
          DockerSession s = Calls.session(cx, ((NetworkValue) r).engine());
          s.agentNetworks().networkRemoved(((NetworkValue) r).id());
          s.tracker().remove(ResourceTracker.Kind.NETWORK, ((NetworkValue) r).id(), ((NetworkValue) r).engineName());
        }));
    d.fn("volume").param("name", "String").returns("Volume").effects(Effect.DOCKER).resultNamedBy("name")
        .doc("Creates a named volume for the run (mount it with `volumes = listOf(vol to \"/data\")`); removed when the run ends.")
        .impl((cx, r, a) -> {
          DockerSession s = Calls.session(cx);
          String name = (String) a[0];
          String engineName = s.labels().scoped(name);
          DockerSession.call("create volume " + name, () -> s.engine().createVolume(
              new VolumeSpec(engineName, s.labelsFor(Calls.stageName(cx)))));
          Calls.track(cx, s, ResourceTracker.Kind.VOLUME, engineName, engineName);
          return new VolumeValue(name, engineName, s.target());
        });
    d.property("Volume", "name").type("String").doc("The volume's name as given to `volume`.")
        .get((cx, r) -> ((VolumeValue) r).name());
    d.method("Volume", "remove").effects(Effect.DOCKER)
        .doc("Removes the volume now (no container may use it).")
        .impl((cx, r, a) -> ContainerMethods.engineDo(cx, "remove volume", () -> Calls.session(cx, ((VolumeValue) r).engine())
            .tracker().remove(ResourceTracker.Kind.VOLUME, ((VolumeValue) r).engineName(), ((VolumeValue) r).engineName())));
  }
}
