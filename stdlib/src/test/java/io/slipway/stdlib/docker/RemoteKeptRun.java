package io.slipway.stdlib.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pipeline run with {@code --keep}, in its own JVM (so that it is a run that is gone when
 * {@code gc} looks), run to its end; prints the run's exit code. What it made on a TLS engine
 * inside {@code on(engine) { }} stays: {@link RemoteEngineGcIT} collects it through the journal.
 * Arguments: the directory and the Slipfile text's path.
 */
public final class RemoteKeptRun {
  private RemoteKeptRun() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String slipfile = Files.readString(Path.of(args[1]));
    PipelineRun run = PipelineRun.run(dir, slipfile, Map.of(), o -> o.withKeep(true));
    System.out.println("exit " + run.result.exitCode() + (run.result.exitCode() == 0 ? "" : "\n" + run));
    System.out.flush();
    System.exit(0);
  }
}
