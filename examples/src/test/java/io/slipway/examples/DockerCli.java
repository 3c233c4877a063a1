package io.slipway.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker command line, used by the tests to prepare images and to inspect what a run left
 * behind — independently of Slipway's own engine layer, so that a bug there cannot hide itself.
 */
final class DockerCli {
  /** The image every example builds FROM by default (param {@code base}). */
  static final String BASE_IMAGE = "slipway-test/busybox:latest";

  private DockerCli() {}

  /** Runs {@code docker ARGS...} and returns its stdout; fails on a non-zero exit. */
  static String docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    return exec(command, null);
  }

  static String exec(List<String> command, Path dir) {
    try {
      var pb = new ProcessBuilder(command).redirectErrorStream(true);
      if (dir != null) {
        pb.directory(dir.toFile());
      }
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " timed out");
      }
      String text = new String(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(command + " exited with " + p.exitValue() + ":\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + command, e);
    }
  }

  /** Non-empty output lines of a docker listing command. */
  static List<String> lines(String... args) {
    return docker(args).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /**
   * Builds {@link #BASE_IMAGE}: with the docker engineer's {@code scripts/build-test-images.sh}
   * when it exists, else from the host's busybox-static the way ENVIRONMENT.md shows.
   */
  static void ensureBaseImage(Path repository) throws IOException {
    Path script = repository.resolve("scripts/build-test-images.sh");
    if (java.nio.file.Files.isExecutable(script)) {
      exec(List.of(script.toString()), repository);
      if (!lines("images", "-q", BASE_IMAGE).isEmpty()) {
        return;
      }
    }
    Path context = java.nio.file.Files.createTempDirectory("slipway-base");
    try {
      java.nio.file.Files.copy(Path.of("/bin/busybox"), context.resolve("busybox"));
      java.nio.file.Files.writeString(context.resolve("Dockerfile"), """
          FROM scratch
          COPY busybox /bin/busybox
          RUN ["/bin/busybox", "--install", "-s", "/bin"]
          RUN mkdir -p /tmp /run && chmod 1777 /tmp
          """);
      docker("build", "-q", "-t", BASE_IMAGE, context.toString());
    } finally {
      exec(List.of("rm", "-rf", context.toString()), null);
    }
  }

  /** Containers, networks and volumes labelled with the run id, as {@code kind id} lines. */
  static List<String> leftovers(String runId) {
    String filter = "label=io.slipway.run=" + runId;
    List<String> found = new ArrayList<>();
    lines("ps", "-aq", "--filter", filter).forEach(id -> found.add("container " + id));
    lines("network", "ls", "-q", "--filter", filter).forEach(id -> found.add("network " + id));
    lines("volume", "ls", "-q", "--filter", filter).forEach(id -> found.add("volume " + id));
    return found;
  }

  /** Removes every image tag whose repository starts with one of the prefixes. */
  static void removeImages(String... prefixes) {
    for (String ref : lines("images", "--format", "{{.Repository}}:{{.Tag}}")) {
      for (String prefix : prefixes) {
        if (ref.startsWith(prefix)) {
          exec(List.of("docker", "rmi", "-f", ref), null);
          break;
        }
      }
    }
  }
}
