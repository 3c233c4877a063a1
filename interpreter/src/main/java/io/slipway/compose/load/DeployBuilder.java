package io.slipway.compose.load;

import static io.slipway.compose.load.Tree.map;
import static io.slipway.compose.load.Tree.str;

import io.slipway.compose.model.Deploy;
import io.slipway.compose.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/** {@code deploy} from its canonical mapping. */
final class DeployBuilder {
  private DeployBuilder() {}

  static Deploy build(YamlNode.Mapping d) {
    if (d == null) {
      return null;
    }
    YamlNode.Mapping res = map(d, "resources");
    Deploy.Resources resources = res == null ? null
        : new Deploy.Resources(limits(map(res, "limits")), limits(map(res, "reservations")));
    YamlNode.Mapping rp = map(d, "restart_policy");
    Deploy.RestartPolicy restart = rp == null ? null : new Deploy.RestartPolicy(str(rp, "condition"),
        Tree.duration(rp, "delay"), Tree.int32(rp, "max_attempts"), Tree.duration(rp, "window"));
    YamlNode.Mapping pl = map(d, "placement");
    Deploy.Placement placement = null;
    if (pl != null) {
      List<String> spread = new ArrayList<>();
      for (YamlNode.Mapping p : Tree.maps(pl, "preferences")) {
        if (str(p, "spread") != null) {
          spread.add(str(p, "spread"));
        }
      }
      placement = new Deploy.Placement(Tree.strings(pl, "constraints"), spread, Tree.int32(pl, "max_replicas_per_node"));
    }
    return new Deploy(str(d, "mode"), Tree.int32(d, "replicas"), str(d, "endpoint_mode"), Tree.dict(d, "labels"),
        resources, restart, update(map(d, "update_config")), update(map(d, "rollback_config")), placement);
  }

  private static Deploy.Limits limits(YamlNode.Mapping l) {
    return l == null ? null : new Deploy.Limits(Tree.number(l, "cpus"), Tree.bytes(l, "memory"), Tree.integer(l, "pids"));
  }

  private static Deploy.UpdateConfig update(YamlNode.Mapping u) {
    return u == null ? null : new Deploy.UpdateConfig(Tree.int32(u, "parallelism"), Tree.duration(u, "delay"),
        str(u, "failure_action"), Tree.duration(u, "monitor"), Tree.number(u, "max_failure_ratio"), str(u, "order"));
  }
}
