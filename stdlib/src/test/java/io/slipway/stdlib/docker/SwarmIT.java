package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy}, {@code swarmServices} and {@code undeploy} on a real single-node swarm: the
 * stack as {@code docker stack} sees it, converged replicas serving the deployed version,
 * a second deploy updating only the changed service (the other keeps its version), a failing
 * service naming its tasks' errors, and nothing left after {@code undeploy}.
 */
class SwarmIT {
  private static final String STACK = """
      version: "3.8"
      services:
        web:
          image: %1$s
          command: ["sh", "-c", "mkdir -p /www && echo web-$${VERSION} > /www/index.html && exec httpd -f -p 8080 -h /www"]
          environment:
            VERSION: "${VERSION}"
          labels: {tier: front}
          ports: ["%2$d:8080"]
          stop_grace_period: 1s
          deploy:
            replicas: 2
            labels: {owner: slipway-it}
            resources: {limits: {memory: 64M, cpus: "0.5"}}
            update_config: {parallelism: 1, order: start-first, delay: 0s, monitor: 2s}
            restart_policy: {condition: any}
            placement: {constraints: ["node.role == manager"]}
        worker:
          image: %1$s
          command: ["sleep", "3600"]
          init: true
          stop_grace_period: 1s
          deploy:
            mode: global
      """;

  @BeforeAll
  static void swarm() throws Exception {
    PipelineRun.requireEngine();
    SingleNodeSwarm.ensure();
  }

  @AfterAll
  static void leave() throws Exception {
    SingleNodeSwarm.leaveIfCreated();
  }

  @Test
  void deployUpdatesOnlyChangedServicesAndUndeployRemovesEverything(@TempDir Path dir) throws Exception {
    int port = 20000 + (int) (ProcessHandle.current().pid() % 10000);
    String name = "slipit" + Long.toHexString(System.nanoTime() & 0xfffff);
    Files.writeString(dir.resolve("stack.yml"), STACK.formatted(PipelineRun.IMAGE, port));
    try {
      var run = PipelineRun.run(dir, """
          pipeline("swarm") {
              stage("deploy") {
                  val first = deploy(compose("stack.yml", env = mapOf("VERSION" to "1")), name = "%1$s")
                  echo("first: created=" + first.created + " updated=" + first.updated + " unchanged=" + first.unchanged)
                  for (s in swarmServices("%1$s")) {
                      echo("service " + s.name + " " + s.mode + " " + s.running + "/" + s.replicas)
                  }
                  val second = deploy(compose("stack.yml", env = mapOf("VERSION" to "2")), name = "%1$s")
                  echo("second: created=" + second.created + " updated=" + second.updated + " unchanged=" + second.unchanged)
                  val web = swarmServices("%1$s").first { it.name == "web" }
                  echo("web tasks: " + web.tasks.filter { it.state == "running" }.size + " running of " + web.tasks.size)
                  val third = deploy(compose("stack.yml", env = mapOf("VERSION" to "2")), name = "%1$s")
                  echo("third: updated=" + third.updated + " unchanged=" + third.unchanged)
              }
          }
          """.formatted(name, port));
      assertThat(run.result.exitCode()).as(run.toString()).isZero();
      assertThat(run.log()).contains("first: created=[web, worker] updated=[] unchanged=[]",
          "service web replicated 2/2", "service worker global 1/null",
          "second: created=[] updated=[web] unchanged=[worker]",
          "third: updated=[] unchanged=[web, worker]");
      // the docker CLI sees the stack as its own
      String services = SingleNodeSwarm.docker("stack", "services", name, "--format", "{{.Name}} {{.Mode}} {{.Replicas}}");
      assertThat(services).contains(name + "_web replicated 2/2", name + "_worker global 1/1");
      String labels = SingleNodeSwarm.docker("service", "inspect", name + "_web", "--format",
          "{{json .Spec.Labels}} {{json .Spec.TaskTemplate.ContainerSpec.Labels}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}} {{.Spec.UpdateConfig.Order}} {{json .Spec.TaskTemplate.Placement.Constraints}}");
      assertThat(labels).contains("\"owner\":\"slipway-it\"", "\"com.docker.stack.namespace\":\"" + name + "\"",
          "\"tier\":\"front\"", "67108864", "start-first", "node.role == manager");
      // every running task serves the new version (the routing mesh is not relied upon: a new
      // swarm's ingress may take long to answer on a loaded machine)
      String ids = SingleNodeSwarm.docker("ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + name + "_web");
      assertThat(ids.lines().toList()).hasSize(2);
      for (String id : ids.lines().toList()) {
        assertThat(SingleNodeSwarm.docker("exec", id, "cat", "/www/index.html")).isEqualTo("web-2\n");
      }
      assertThat(SingleNodeSwarm.docker("service", "inspect", name + "_web", "--format", "{{json .Endpoint.Ports}}"))
          .contains("\"TargetPort\":8080", "\"PublishedPort\":" + port, "\"PublishMode\":\"ingress\"");
      assertThat(SingleNodeSwarm.docker("network", "ls", "--filter", "name=" + name + "_default", "--format", "{{.Driver}}"))
          .contains("overlay");
    } finally {
      undeploy(dir, name);
    }
  }

  private static void undeploy(Path dir, String name) throws Exception {
    var down = PipelineRun.run(dir, """
        pipeline("swarm-down") { stage("down") { undeploy("%1$s"); echo("left: " + swarmServices("%1$s").size) } }
        """.formatted(name));
    assertThat(down.result.exitCode()).as(down.toString()).isZero();
    assertThat(down.log()).contains("left: 0");
    assertThat(SingleNodeSwarm.docker("network", "ls", "--filter", "label=com.docker.stack.namespace=" + name, "-q")).isBlank();
  }

  @Test
  void aServiceWhoseTasksFailFailsTheDeployNamingTheServiceAndTheErrors(@TempDir Path dir) throws Exception {
    String name = "slipfail" + Long.toHexString(System.nanoTime() & 0xfffff);
    Files.writeString(dir.resolve("stack.yml"), """
        services:
          ok:
            image: %1$s
            command: ["sleep", "3600"]
            init: true
          broken:
            image: %1$s
            command: ["sh", "-c", "echo starting; exit 3"]
            deploy:
              restart_policy: {condition: on-failure, delay: 0s}
        """.formatted(PipelineRun.IMAGE));
    try {
      var run = PipelineRun.run(dir, """
          pipeline("swarm-fail") {
              stage("deploy") { deploy(compose("stack.yml"), name = "%s", timeout = 2.minutes) }
          }
          """.formatted(name));
      assertThat(run.result.exitCode()).as(run.toString()).isEqualTo(1);
      assertThat(String.valueOf(run.result.error())).contains("service " + name + "_broken failed to start: ",
          "failed", "exit 3").doesNotContain(name + "_ok failed");
    } finally {
      undeploy(dir, name);
    }
  }
}
