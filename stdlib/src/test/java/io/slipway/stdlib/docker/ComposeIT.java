package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.docker.DockerJavaEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `compose(..)` and the Stack/Service members from a Slipfile, on the real engine. */
class ComposeIT {
  private static final String FILE = """
      services:
        db:
          image: %1$s
          init: true
          command: ["sh", "-c", "mkdir -p /www && echo db-$${ROLE} > /www/index.html && exec httpd -f -p 8080 -h /www"]
          environment: {ROLE: "${ROLE:-primary}"}
          healthcheck: {test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/"], interval: 1s, retries: 20}
        web:
          image: %1$s
          init: true
          command: ["sleep", "300"]
          depends_on: {db: {condition: service_healthy}}
        tool:
          image: %1$s
          profiles: [tools]
          command: ["echo", "tool"]
      """.formatted(PipelineRun.IMAGE);

  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  private static String project() {
    return "slipwayit" + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  @Test
  void upExecIpRunDownAndTheRunRemovesWhatUpStarted(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("docker-compose.yml"), FILE);
    String project = project();
    var run = PipelineRun.run(dir, """
        pipeline("compose") {
          stage("stack") {
            val stack = compose("docker-compose.yml", env = mapOf("ROLE" to "main"), project = "%s")
            writeFile("config.yml", stack.config())
            stack.up(services = listOf("web"))
            echo(stack.ps())
            val body = stack.service("web").exec("wget -q -O- http://db:8080/", quiet = true).stdout.trim()
            echo("body=" + body)
            echo("ip=" + stack.service("db").ip())
            echo("containers=" + stack.service("db").containers().size)
            val r = stack.run("tool", "echo one-off \\$ROLE; exit 4", env = mapOf("ROLE" to "x"), check = false)
            echo("one-off exit=" + r.exitCode + " out=" + r.stdout.trim())
            echo("services=" + stack.services)
          }
        }
        """.formatted(project));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    String log = run.log();
    assertThat(log).contains("body=db-main").contains("containers=1").contains("one-off exit=4 out=one-off x")
        .contains("services=[db, web, tool]").containsPattern("ip=\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(log).contains(project + "_db_1").contains("running (healthy)");
    assertThat(Files.readString(dir.resolve("config.yml"))).contains("ROLE: main");
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.listContainers(Map.of("com.docker.compose.project", project))).isEmpty();
      assertThat(e.inspectNetwork(project + "_default")).isEmpty();
    }
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void keepLeavesTheStackForDockerCompose(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("docker-compose.yml"), FILE);
    String project = project();
    var run = PipelineRun.run(dir, """
        pipeline("compose-keep") {
          stage("stack") {
            compose("docker-compose.yml", project = "%s").up(keep = true)
          }
        }
        """.formatted(project));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    try (ContainerEngine e = DockerJavaEngine.connect()) {
      assertThat(e.listContainers(Map.of("com.docker.compose.project", project))).hasSize(2);
      Process p = new ProcessBuilder("docker-compose", "-f", dir.resolve("docker-compose.yml").toString(), "-p", project,
          "down", "-t", "1").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(e.listContainers(Map.of("com.docker.compose.project", project))).isEmpty();
    }
  }

  @Test
  void aBrokenFileFailsTheCallWithLocatedErrors(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("docker-compose.yml"), "services:\n  a:\n    image: \"x:${TAG:?TAG is required}\"\n");
    var run = PipelineRun.run(dir, """
        pipeline("compose-bad") {
          stage("stack") {
            compose("docker-compose.yml").up()
          }
        }
        """);
    assertThat(run.result.exitCode()).isEqualTo(1);
    assertThat(run.result.error()).contains("compose: docker-compose.yml:3:15: required variable `TAG` is not set: TAG is required");
  }
}
