package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docker-java stays behind the engine interface: only io.slipway.engine.docker imports it. */
class DockerJavaBoundaryTest {
  @Test
  void onlyTheDockerPackageImportsDockerJava() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("grammar"))) {
      root = root.getParent();
    }
    assertThat(root).as("repository root").isNotNull();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/io/slipway/engine/docker/"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("import com.github.dockerjava");
            } catch (IOException e) {
              return false;
            }
          })
          .map(p -> p.toString()).toList();
    }
    assertThat(offenders).isEmpty();
  }
}
