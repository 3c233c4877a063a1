package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which networks an agent joins, and when, against the in-memory engine (the real-engine proof
 * is {@code AgentNetworkIT}): before it starts for the networks that exist, at creation for
 * later ones, never those of another stage.
 */
class AgentNetworksTest {
  @Test
  void agentsJoinTheirStagesAndThePipelinesNetworks(@TempDir Path dir) throws Exception {
    var fake = new FakeContainerEngine();
    Files.writeString(dir.resolve("Slipfile"), """
        val shared = network("shared")
        pipeline("nets") {
            agent(image = "ci")
            stage("a") {
                val early = network("early")
                sh("make")
                val late = network("late")
            }
            stage("b") {
                sh("make")
            }
        }
        """);
    var slipway = new Slipway(Stdlib.registry());
    var result = slipway.run(slipway.check(dir.resolve("Slipfile")), RunOptions.defaults()
        .withEngineFactory(() -> fake).withEnvironment(Map.of()));
    assertThat(result.exitCode()).as(String.valueOf(result.error())).isZero();
    List<String> log = fake.log();
    String shared = networkId(log, 0);
    String early = networkId(log, 1);
    String late = networkId(log, 2);
    String agentA = containerId(log, 0);
    String agentB = containerId(log, 1);
    assertThat(log).containsSubsequence("connect " + agentA + " to " + shared + " aliases=[]",
        "start " + agentA);
    assertThat(log).containsSubsequence("connect " + agentA + " to " + early + " aliases=[]",
        "start " + agentA);
    assertThat(log).containsSubsequence("start " + agentA, "connect " + agentA + " to " + late + " aliases=[]");
    assertThat(log).contains("connect " + agentB + " to " + shared + " aliases=[]")
        .doesNotContain("connect " + agentB + " to " + early + " aliases=[]",
            "connect " + agentB + " to " + late + " aliases=[]");
  }

  private static String networkId(List<String> log, int n) {
    return log.stream().filter(l -> l.startsWith("create network ")).skip(n).findFirst().orElseThrow()
        .split(" ")[2];
  }

  private static String containerId(List<String> log, int n) {
    return log.stream().filter(l -> l.startsWith("create container ")).skip(n).findFirst().orElseThrow()
        .split(" ")[2];
  }
}
