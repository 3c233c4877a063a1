package io.slipway.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Network;
import io.slipway.engine.EngineEvent;
import io.slipway.engine.NetworkInfo;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.Subscription;
import io.slipway.engine.VolumeInfo;
import io.slipway.engine.VolumeSpec;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Network, volume and event operations on docker-java. */
final class DockerNetworks {
  private final DockerClient client;

  DockerNetworks(DockerClient client) {
    this.client = client;
  }

  String create(NetworkSpec spec) {
    var cmd = client.createNetworkCmd().withName(spec.name())
        .withDriver(spec.driver() == null ? "bridge" : spec.driver())
        .withLabels(spec.labels()).withInternal(spec.internal()).withCheckDuplicate(true);
    if (spec.attachable()) {
      cmd.withAttachable(true);
    }
    if (!spec.options().isEmpty()) {
      cmd.withOptions(spec.options());
    }
    if (spec.ipv6()) {
      cmd.withEnableIpv6(true);
    }
    if (spec.ipam() != null) {
      var ipam = new Network.Ipam().withDriver(spec.ipam().driver() == null ? "default" : spec.ipam().driver());
      List<Network.Ipam.Config> pools = new ArrayList<>();
      for (NetworkSpec.Pool p : spec.ipam().pools()) {
        var c = new Network.Ipam.Config().withSubnet(p.subnet()).withIpRange(p.ipRange()).withGateway(p.gateway());
        if (!p.auxAddresses().isEmpty()) {
          throw new io.slipway.engine.EngineException("network " + spec.name()
              + ": IPAM auxiliary addresses are not supported");
        }
        pools.add(c);
      }
      ipam.withConfig(pools);
      if (!spec.ipam().options().isEmpty()) {
        throw new io.slipway.engine.EngineException("network " + spec.name() + ": IPAM driver options are not supported");
      }
      cmd.withIpam(ipam);
    }
    return cmd.exec().getId();
  }

  void connect(String network, String container, List<String> aliases) {
    client.connectToNetworkCmd().withNetworkId(network).withContainerId(container)
        .withContainerNetwork(new ContainerNetwork().withAliases(aliases)).exec();
  }

  void disconnect(String network, String container) {
    client.disconnectFromNetworkCmd().withNetworkId(network).withContainerId(container)
        .withForce(true).exec();
  }

  void remove(String idOrName) {
    try {
      client.removeNetworkCmd(idOrName).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  Optional<NetworkInfo> inspect(String idOrName) {
    try {
      return Optional.of(info(client.inspectNetworkCmd().withNetworkId(idOrName).exec()));
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  List<NetworkInfo> list(Map<String, String> labels) {
    List<NetworkInfo> out = new ArrayList<>();
    var cmd = client.listNetworksCmd();
    if (!labels.isEmpty()) {
      cmd.withFilter("label", labelFilters(labels));
    }
    for (Network n : cmd.exec()) {
      out.add(info(n));
    }
    return out;
  }

  private static NetworkInfo info(Network n) {
    Map<String, String> containers = new HashMap<>();
    if (n.getContainers() != null) {
      n.getContainers().forEach((id, c) -> {
        String ip = c.getIpv4Address() == null ? "" : c.getIpv4Address();
        int slash = ip.indexOf('/');
        containers.put(id, slash < 0 ? ip : ip.substring(0, slash));
      });
    }
    return new NetworkInfo(n.getId(), n.getName(), n.getDriver(),
        n.getLabels() == null ? Map.of() : n.getLabels(), containers);
  }

  String createVolume(VolumeSpec spec) {
    var cmd = client.createVolumeCmd().withName(spec.name()).withLabels(spec.labels());
    if (spec.driver() != null) {
      cmd.withDriver(spec.driver());
    }
    if (!spec.driverOpts().isEmpty()) {
      cmd.withDriverOpts(spec.driverOpts());
    }
    return cmd.exec().getName();
  }

  void removeVolume(String name) {
    try {
      client.removeVolumeCmd(name).exec();
    } catch (NotFoundException e) {
      // already gone
    }
  }

  List<VolumeInfo> listVolumes(Map<String, String> labels) {
    var cmd = client.listVolumesCmd();
    if (!labels.isEmpty()) {
      cmd.withFilter("label", labelFilters(labels));
    }
    var resp = cmd.exec();
    List<VolumeInfo> out = new ArrayList<>();
    if (resp.getVolumes() != null) {
      resp.getVolumes().forEach(v -> out.add(new VolumeInfo(v.getName(), v.getDriver(), v.getLabels(),
          v.getMountpoint())));
    }
    return out;
  }

  Subscription events(Map<String, String> labels, Consumer<EngineEvent> sink) {
    var cmd = client.eventsCmd();
    if (!labels.isEmpty()) {
      cmd.withLabelFilter(labels);
    }
    var cb = cmd.exec(new ResultCallback.Adapter<Event>() {
      @Override
      public void onNext(Event e) {
        Instant time = e.getTimeNano() != null
            ? Instant.ofEpochSecond(0, e.getTimeNano()) : Instant.ofEpochSecond(e.getTime() == null ? 0 : e.getTime());
        String id = e.getActor() != null && e.getActor().getId() != null ? e.getActor().getId() : e.getId();
        sink.accept(new EngineEvent(time, e.getType() == null ? "" : e.getType().getValue(),
            e.getAction() == null ? e.getStatus() : e.getAction(), id,
            e.getActor() == null ? Map.of() : e.getActor().getAttributes()));
      }
    });
    return () -> {
      try {
        cb.close();
      } catch (IOException ex) {
        // abandoning the stream
      }
    };
  }

  private static List<String> labelFilters(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
