package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineConnector;
import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine scope stack: {@code on(engine) { }} sends every Docker call inside it to that engine
 * (nested blocks: the innermost), each stage's blocks are its own (parallel stages), objects keep
 * their engine after the block, and the run removes what it created from each engine.
 */
class EngineScopeTest {
  private final FakeContainerEngine local = onThisMachine();
  private final FakeContainerEngine remote = onThisMachine();
  private final FakeContainerEngine other = new FakeContainerEngine();
  private final Map<String, Integer> connections = new ConcurrentHashMap<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  private RunResult run(Path dir, String slipfile) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), slipfile);
    var slipway = new Slipway(Stdlib.registry());
    EngineConnector connector = (host, tls) -> {
      connections.merge(host, 1, Integer::sum);
      return switch (host) {
        case "tcp://remote.example:2376" -> remote;
        case "tcp://other.example:2376" -> other;
        default -> throw new EngineUnavailable(host, "no route to host");
      };
    };
    var checked = slipway.check(dir.resolve("Slipfile"));
    assertThat(checked.ok()).as(String.valueOf(checked.diagnostics())).isTrue();
    return slipway.run(checked, RunOptions.defaults().withEvents(events::add)
        .withEngineFactory(() -> local).withEnvironment(Map.of())
        .withOnStart(r -> r.session().scope().provide(EngineConnector.class, connector)));
  }

  /** An engine whose address says it runs here: an agent on it would bind-mount the workspace. */
  private static FakeContainerEngine onThisMachine() {
    return new FakeContainerEngine().address("unix:///var/run/docker.sock");
  }

  private static String log(FakeContainerEngine e) {
    return String.join("\n", e.log());
  }

  @Test
  void onBlocksNestAndParallelStagesKeepTheirOwnEngine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("data.txt"), "workspace file\n");
    RunResult result = run(dir, """
        val remote = docker("tcp://remote.example:2376")
        pipeline("two") {
            agent(image = "ci")
            parallel {
                stage("a") {
                    val c = on(remote) {
                        val net = network("n")
                        val inner = start(image = "remote-1", name = "r1", network = net)
                        on(docker("tcp://other.example:2376")) {
                            start(image = "other-1", name = "o1")
                        }
                        start(image = "remote-2", name = "r2")
                        sh("make remote")
                        inner
                    }
                    c.exec("echo after")
                    start(image = "local-a", name = "la")
                    sh("make local")
                }
                stage("b") {
                    start(image = "local-b", name = "lb")
                    sh("make b")
                }
            }
        }
        """);
    assertThat(result.exitCode()).as(String.valueOf(result.error())).isZero();
    String l = log(local);
    String r = log(remote);
    String o = log(other);
    assertThat(l).contains("image=local-a", "image=local-b", "[/bin/sh, -c, make local]", "[/bin/sh, -c, make b]")
        .doesNotContain("remote-", "other-", "make remote", "echo after");
    assertThat(r).contains("image=remote-1", "image=remote-2", "create network", "[/bin/sh, -c, make remote]",
        "[sh, -c, echo after]").doesNotContain("local-", "other-1", "make local", "make b");
    assertThat(o).contains("image=other-1").doesNotContain("remote-", "local-");
    // an agent on a named engine gets a copy of the workspace, never a bind mount (even when
    // its address looks local); one on the default local engine has it mounted
    assertThat(r).contains("copy to ");
    assertThat(l).doesNotContain("copy to ");
    // one connection per engine for the whole run
    assertThat(connections).containsEntry("tcp://remote.example:2376", 1).containsEntry("tcp://other.example:2376", 1);
    // everything removed from every engine when the run ended
    for (FakeContainerEngine e : List.of(local, remote, other)) {
      assertThat(e.listContainers(Map.of("io.slipway.pipeline", "two"))).isEmpty();
      assertThat(e.listNetworks(Map.of("io.slipway.pipeline", "two"))).isEmpty();
    }
    assertThat(r).contains("remove network");
  }

  @Test
  void onReturnsTheBlockValueAndObjectsOfAnotherEngineAreRefused(@TempDir Path dir) throws Exception {
    RunResult result = run(dir, """
        pipeline("mix") {
            stage("s") {
                val net = network("here")
                val n = on(docker("tcp://remote.example:2376")) { 42 }
                echo("n=" + n)
                on(docker("tcp://remote.example:2376")) {
                    start(image = "remote-1", name = "r1", network = net)
                }
            }
        }
        """);
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(String.valueOf(result.error())).contains("network `here` is on the default engine, not on engine tcp://remote.example:2376");
    assertThat(events).filteredOn(e -> e instanceof Event.Log).extracting(e -> ((Event.Log) e).line()).contains("n=42");
    assertThat(log(remote)).doesNotContain("create container");
  }

  @Test
  void anUnreachableEngineIsAnInfrastructureFailure(@TempDir Path dir) throws Exception {
    RunResult result = run(dir, """
        pipeline("down") {
            stage("s") {
                on(docker("tcp://nowhere.example:2376")) { start(image = "x", name = "x") }
            }
        }
        """);
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(String.valueOf(result.error())).contains("cannot reach the Docker engine at tcp://nowhere.example:2376: no route to host");
    assertThat(log(local)).doesNotContain("create container");
  }

  @Test
  void badAddressesAndHostPathsOnRemoteEnginesAreErrors(@TempDir Path dir) throws Exception {
    RunResult bad = run(dir, """
        pipeline("bad") { stage("s") { docker("prod.example:2376") } }
        """);
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(String.valueOf(bad.error())).contains("`prod.example:2376` is not an engine address");
    RunResult bind = run(dir, """
        pipeline("bind") {
            stage("s") {
                on(docker("tcp://remote.example:2376")) {
                    start(image = "x", name = "x", volumes = listOf("data" to "/data"))
                }
            }
        }
        """);
    assertThat(bind.exitCode()).isEqualTo(1);
    assertThat(String.valueOf(bind.error())).contains("cannot bind-mount this machine's files");
    List<String> unused = new ArrayList<>(remote.log());
    assertThat(unused).noneMatch(s -> s.startsWith("create container"));
  }
}
