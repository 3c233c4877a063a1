package io.slipway.engine.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.command.CreateContainerCmdImpl;
import com.github.dockerjava.core.command.ExecCreateCmdImpl;
import java.util.List;
import java.util.Map;

/**
 * Encodes the requests and decodes the replies of an agent's life (create, exec, inspect) with
 * docker-java's JSON mapper, without contacting any engine. Jackson builds its serializers for
 * these large classes by reflection on first use (well over 100 ms on a cold JVM); doing it here
 * moves that work off the first agent's path: onto the run's connecting thread
 * ({@link DockerJavaEngine#warmUp()}), and into the launcher's AOT cache, whose training run
 * calls this even where no engine answers.
 */
public final class DockerWarmUp {
  private DockerWarmUp() {}

  /** Runs the encode/decode round; failures only mean a colder start and are ignored. */
  public static void run() {
    try {
      ObjectMapper json = DockerClientConfig.getDefaultObjectMapper();
      HostConfig host = HostConfig.newHostConfig()
          .withBinds(List.of(new Bind("/tmp", new Volume("/workspace"), AccessMode.rw)));
      var create = new CreateContainerCmdImpl(null, null, "warm-up")
          .withHostConfig(host)
          .withLabels(Map.of("io.slipway.run", "warm-up"))
          .withEntrypoint("sh", "-c", "true")
          .withWorkingDir("/workspace")
          .withName("warm-up");
      json.writeValueAsBytes(create);
      json.writeValueAsBytes(new ExecCreateCmdImpl(null, "warm-up").withCmd("sh")
          .withAttachStdin(true).withAttachStdout(true).withAttachStderr(true));
      json.readValue("{\"Id\":\"0\",\"Warnings\":[]}", CreateContainerResponse.class);
      json.readValue("{\"Id\":\"0\"}", ExecCreateCmdResponse.class);
      json.readValue("{\"ID\":\"0\",\"Running\":false,\"ExitCode\":0}", InspectExecResponse.class);
      json.readValue("{\"Id\":\"sha256:0\",\"RepoTags\":[\"warm-up:latest\"],\"Config\":{\"Labels\":{}},"
          + "\"ContainerConfig\":{},\"Size\":0}", InspectImageResponse.class);
    } catch (java.io.IOException | RuntimeException | LinkageError e) {
      // a warm-up only: the real calls report real problems
    }
  }
}
