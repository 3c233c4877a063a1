package io.slipway.stdlib.docker;

import java.io.IOException;
import java.util.List;

/**
 * A single-node swarm for the swarm tests: when the local engine is not part of a swarm, the
 * first test initialises one ({@code docker swarm init --advertise-addr 127.0.0.1}) and
 * {@link #leaveIfCreated()} leaves it; a swarm that existed before is left as it was.
 */
final class SingleNodeSwarm {
  private static boolean created;

  private SingleNodeSwarm() {}

  static synchronized void ensure() throws IOException, InterruptedException {
    String state = docker("info", "--format", "{{.Swarm.LocalNodeState}}").strip();
    if (state.equals("active")) {
      return;
    }
    docker("swarm", "init", "--advertise-addr", "127.0.0.1");
    created = true;
  }

  static synchronized void leaveIfCreated() throws IOException, InterruptedException {
    if (created) {
      docker("swarm", "leave", "--force");
      created = false;
    }
  }

  /** Runs the docker CLI against the local engine; fails with its output on a non-zero exit. */
  static String docker(String... args) throws IOException, InterruptedException {
    var cmd = new java.util.ArrayList<>(List.of("docker"));
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("DOCKER_HOST");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }
    return out;
  }
}
