package io.slipway.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real registry (Debian's {@code docker-registry}, distribution 2.8) on 127.0.0.1:PORT with
 * its storage in a temp dir. When one already answers on the port (another suite's, or
 * {@code scripts/start-registry.sh}'s) it is used as is and left running.
 */
final class LocalRegistry implements AutoCloseable {
  private final int port;
  private final Process process;
  private final Path dir;

  private LocalRegistry(int port, Process process, Path dir) {
    this.port = port;
    this.process = process;
    this.dir = dir;
  }

  static LocalRegistry start(int port) throws IOException, InterruptedException {
    if (answers(port)) {
      return new LocalRegistry(port, null, null);
    }
    Path dir = Files.createTempDirectory("slipway-registry-" + port);
    Path config = dir.resolve("config.yml");
    Files.writeString(config, """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 127.0.0.1:%d
        """.formatted(dir.resolve("data"), port));
    Process p = new ProcessBuilder("docker-registry", "serve", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    var registry = new LocalRegistry(port, p, dir);
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!answers(port)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        registry.close();
        throw new IllegalStateException("docker-registry did not start on port " + port + ":\n"
            + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(100);
    }
    return registry;
  }

  String address() {
    return "localhost:" + port;
  }

  /** The tags of a repository, straight from the Registry v2 API. */
  String tagsJson(String repository) throws IOException, InterruptedException {
    return get("/v2/" + repository + "/tags/list").body();
  }

  private static boolean answers(int port) {
    try {
      return get(port, "/v2/").statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(port, path);
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
      var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build();
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    DockerCli.exec(List.of("rm", "-rf", dir.toString()), null);
  }
}
