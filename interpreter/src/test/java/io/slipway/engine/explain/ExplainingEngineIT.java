package io.slipway.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.PortBinding;
import io.slipway.engine.RunLabels;
import io.slipway.engine.docker.RealEngine;
import io.slipway.engine.docker.TestEngines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explanations are the real thing: operations go through {@link ExplainingEngine} to the
 * real engine, then the explained lines are run as they are by the docker CLI against the same
 * engine (the user's names are free there, since Slipway scoped its own to the run), and the
 * two results are compared: same image, command, working directory, init, published ports,
 * environment, network membership, exec effect; same image id from the same build.
 */
class ExplainingEngineIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final RunLabels run = RunLabels.forCurrentProcess("explain-it-" + tag, "explain-it");
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @TempDir
  Path dir;

  ExplainingEngine explaining() {
    var e = new ExplainingEngine(ENGINE.get(), dir, lines::add);
    e.enabled(true);
    return e;
  }

  @Test
  void theExplainedContainerCommandsDoTheSameThroughTheDockerCli() throws Exception {
    ContainerEngine engine = explaining();
    String net = "xnet-" + tag;
    String db = "xdb-" + tag;
    try {
      engine.createNetwork(new NetworkSpec(run.scoped(net), "bridge", run.labels(), false));
      String id = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(run.scoped(db))
          .labels(run.labels()).hostname(db).network(run.scoped(net)).alias(db)
          .env(Map.of("GREETING", "hello world")).workdir("/tmp").init(true).port(PortBinding.tcp(0, 8080))
          .command(List.of("sh", "-c", "echo started; sleep 300")).build());
      engine.startContainer(id);
      assertThat(engine.exec(id, ExecSpec.of(List.of("sh", "-c", "echo \"$GREETING\" > /tmp/g")), OutputSink.NONE))
          .isZero();
      assertThat(lines).containsExactly(
          "$ docker network create " + net,
          "$ docker run -d --name " + db + " --network " + net + " -p 8080 -e 'GREETING=hello world' -w /tmp --init "
              + TestEngines.TEST_IMAGE + " sh -c 'echo started; sleep 300'",
          "$ docker exec " + db + " sh -c 'echo \"$GREETING\" > /tmp/g'");

      for (String line : lines) {
        cli(line.substring(2));
      }
      String format = "{{.Config.Image}} {{json .Config.Cmd}} {{.Config.WorkingDir}} {{.HostConfig.Init}}"
          + " {{json .HostConfig.PortBindings}} {{range .Config.Env}}{{.}};{{end}}"
          + " {{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}";
      String ours = cli("docker inspect -f '" + format + "' " + id);
      String theirs = cli("docker inspect -f '" + format + "' " + db);
      // Slipway's network is the scoped one
      assertThat(theirs).contains("GREETING=hello world").endsWith(" " + net);
      assertThat(strip(theirs, db, net)).isEqualTo(strip(ours, run.scoped(db), run.scoped(net)));
      assertThat(cli("docker exec " + db + " cat /tmp/g")).isEqualTo("hello world");
      assertThat(cli("docker exec " + id + " cat /tmp/g")).isEqualTo("hello world");

      lines.clear();
      engine.stopContainer(id, Duration.ofSeconds(1));
      engine.removeContainer(id, true);
      engine.removeNetwork(run.scoped(net));
      assertThat(lines).containsExactly("$ docker stop -t 1 " + db, "$ docker rm -f " + db,
          "$ docker network rm " + net);
      for (String line : lines) {
        cli(line.substring(2));
      }
      assertThat(cli("docker ps -a -q --filter name=" + db)).isEmpty();
      assertThat(cli("docker network ls -q --filter name=" + net)).isEmpty();
    } finally {
      quietly("docker rm -f " + db + " " + run.scoped(db));
      quietly("docker network rm " + net + " " + run.scoped(net));
    }
  }

  @Test
  void theExplainedBuildBuildsTheSameImage() throws Exception {
    Files.createDirectories(dir.resolve("app/docker"));
    Files.writeString(dir.resolve("app/docker/Dockerfile.it"), "FROM " + TestEngines.TEST_IMAGE + "\n"
        + "ARG WHO\nRUN echo \"hi $WHO\" > /hi\n");
    Files.writeString(dir.resolve("app/data.txt"), "data");
    ContainerEngine engine = explaining();
    String ref = "slipway-explain-it:" + tag;
    String cliRef = "slipway-explain-it:cli-" + tag;
    try {
      var built = engine.build(new BuildSpec(dir.resolve("app"), "docker/Dockerfile.it", List.of(ref), null,
          Map.of("WHO", "there"), Map.of(), false, false), OutputSink.NONE);
      assertThat(lines).containsExactly(
          "$ docker build -t " + ref + " -f app/docker/Dockerfile.it --build-arg WHO=there app");
      cli("DOCKER_BUILDKIT=0 " + lines.get(0).substring(2).replace(ref, cliRef) + " >/dev/null");
      assertThat(cli("docker image inspect -f '{{.Id}}' " + cliRef)).isEqualTo(built.id());
    } finally {
      quietly("docker rmi " + ref + " " + cliRef);
    }
  }

  private static String strip(String inspect, String container, String network) {
    return inspect.replace(network, "NET").replace(container, "NAME");
  }

  /** Runs a shell line with the docker CLI in the pipeline directory; fails unless it exits 0. */
  private String cli(String line) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", line).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished: " + line).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).as(line + "\n" + out).isZero();
    return out;
  }

  private void quietly(String line) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", line + " >/dev/null 2>&1").start();
    p.waitFor(60, TimeUnit.SECONDS);
  }
}
