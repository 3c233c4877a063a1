package io.slipway.stdlib.docker;

import io.slipway.run.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pipeline run, in its own JVM, that creates a network and a container on a TLS engine inside
 * {@code on(engine) { }}, prints {@code ready} and then waits (a host {@code sh("sleep 600")}) to
 * be killed with {@code kill -9}: what {@link RemoteEngineGcIT} collects. Arguments: the
 * directory and the Slipfile text's path.
 */
public final class RemoteRunToKill {
  private RemoteRunToKill() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String slipfile = Files.readString(Path.of(args[1]));
    PipelineRun.run(dir, slipfile, Map.of(), o -> o.withEvents(e -> {
      if (e instanceof Event.Log l && l.line().contains("gc-ready")) {
        System.out.println("ready");
        System.out.flush();
      }
    }));
  }
}
