package io.slipway.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** snakeyaml stays inside the compose package: only io.slipway.compose.yaml imports it. */
class SnakeYamlBoundaryTest {
  @Test
  void onlyTheComposeYamlPackageImportsSnakeyaml() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("grammar"))) {
      root = root.getParent();
    }
    assertThat(root).as("repository root").isNotNull();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .filter(p -> !p.toString().contains("/io/slipway/compose/yaml/"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("import org.yaml.snakeyaml");
            } catch (IOException e) {
              return false;
            }
          })
          .map(Path::toString).toList();
    }
    assertThat(offenders).isEmpty();
  }
}
