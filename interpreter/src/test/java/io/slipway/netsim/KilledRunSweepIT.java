package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerSpec;
import io.slipway.engine.GarbageCollector;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.RealEngine;
import io.slipway.engine.docker.TestEngines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kill -9} of a run in the middle of network faults, then {@code slipway gc}'s sweep:
 * no helper, iptables rule, chain (nat included), qdisc, ifb device, delayer or proxy of the run is left in the
 * targets, which survive (they carry no run labels) — with the run's agent and with one helper per container.
 */
class KilledRunSweepIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @ParameterizedTest
  @ValueSource(strings = {"agent", "sidecar"})
  void gcLeavesNoHelperRuleOrQdisc(String mode) throws Exception {
    var e = ENGINE.get();
    String runId = "netsim-killed-" + UUID.randomUUID();
    String run8 = new RunLabels(runId, "", 0, "", "").suffix();
    String net = e.createNetwork(new NetworkSpec("netsim-killed-" + run8, "bridge", Map.of(), false));
    List<String> targets = new ArrayList<>();
    try {
      List<String> args = new ArrayList<>(List.of(runId));
      for (String n : List.of("a", "b")) {
        String id = e.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name("netsim-killed-" + n + "-" + run8)
            .network("netsim-killed-" + run8).command(List.of("sleep", "600")).init(true).build());
        targets.add(id);
        e.startContainer(id);
        args.add(id);
        args.add(e.inspectContainer(id).orElseThrow().networks().get("netsim-killed-" + run8));
      }
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
          NetsimOrphan.class.getName()));
      cmd.addAll(args);
      var pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put(NetSim.MODE, mode);
      Process p = pb.start();
      try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertThat(r.readLine()).isEqualTo("ready");
      }
      String before = inside(targets.get(0));
      assertThat(before).contains("slipway:" + runId, "SW-" + run8, "SWN-" + run8, "5157:", "sw" + run8);
      p.destroyForcibly();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();

      GarbageCollector gc = new GarbageCollector(e);
      List<String> failed = new ArrayList<>();
      List<String> removed = new NetsimSweep(e).collect(l -> !gc.alive(l), failed);
      assertThat(failed).isEmpty();
      assertThat(removed).anyMatch(s -> s.startsWith("network helper"));
      assertThat(e.listContainers(Map.of(RunLabels.RUN, runId))).as("no helper left").isEmpty();
      for (String t : targets) {
        String after = inside(t);
        assertThat(after).doesNotContain("slipway:" + runId).doesNotContain("SW-" + run8)
            .doesNotContain("5157:").doesNotContain("sw" + run8).doesNotContain("ffff:").doesNotContain("SWN-" + run8);
      }
    } finally {
      for (String t : targets) {
        e.removeContainer(t, true);
      }
      e.removeNetwork(net);
    }
  }

  /** iptables rules, qdiscs and links of a container's namespace, read by a fresh helper. */
  private static String inside(String container) {
    var e = ENGINE.get();
    String image = HelperImage.ensure(e, System.getenv(), s -> { });
    String id = e.createContainer(ContainerSpec.builder(image).network("container:" + container)
        .capAdd("NET_ADMIN").command(List.of("/bin/sh", "-c",
            "iptables -S; iptables -t nat -S; /usr/sbin/tc qdisc show; /usr/sbin/ip -o link show")).build());
    try {
      e.startContainer(id);
      e.waitContainer(id, java.time.Duration.ofSeconds(60));
      StringBuilder b = new StringBuilder();
      e.logs(id, -1).forEach(l -> b.append(l.text()).append('\n'));
      return b.toString();
    } finally {
      e.removeContainer(id, true);
    }
  }
}
