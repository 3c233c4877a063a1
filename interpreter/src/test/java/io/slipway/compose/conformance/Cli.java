package io.slipway.compose.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code docker} and {@code docker-compose} for the conformance tests. */
final class Cli {
  /** What a command printed (stdout and stderr apart) and its exit code. */
  record Out(int exit, String stdout, String stderr) {
    Out ok(List<String> cmd) {
      if (exit != 0) {
        throw new AssertionError(String.join(" ", cmd) + " exited with " + exit + ":\n" + stderr + stdout);
      }
      return this;
    }
  }

  private Cli() {}

  static Out run(Path dir, Map<String, String> env, List<String> cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    try {
      Path err = java.nio.file.Files.createTempFile("slipway-cli", ".err");
      try {
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", cmd) + " did not finish within 5 minutes");
        }
        return new Out(p.exitValue(), out, java.nio.file.Files.readString(err));
      } finally {
        java.nio.file.Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static Out ok(Path dir, Map<String, String> env, String... cmd) {
    return run(dir, env, List.of(cmd)).ok(List.of(cmd));
  }

  /** {@code docker-compose [-f F]... [-p NAME] args}; the files are relative to {@code dir}. */
  static List<String> compose(List<String> files, String project, String... args) {
    List<String> cmd = new ArrayList<>(List.of("docker-compose"));
    files.forEach(f -> cmd.addAll(List.of("-f", f)));
    if (project != null) {
      cmd.addAll(List.of("-p", project));
    }
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The ids of every container (running or not) with the label {@code key=value}. */
  static List<String> containers(String key, String value) {
    return ok(null, Map.of(), "docker", "ps", "-a", "-q", "--no-trunc", "--filter", "label=" + key + "=" + value)
        .stdout().lines().filter(l -> !l.isBlank()).toList();
  }
}
