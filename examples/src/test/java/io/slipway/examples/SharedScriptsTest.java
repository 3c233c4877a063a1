package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The helper scripts books-ms and nerd-dinner-ci both carry are kept as identical copies (each
 * example is its own Docker build context and is meant to be copied alone; see README.md), so a
 * fix made in one must be made in the other.
 */
class SharedScriptsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bin/ensure-tools.sh", "bin/serve.sh", "lib/http.sh"})
  void copiesAreIdentical(String script) throws IOException {
    Path root = ExampleFiles.root();
    assertThat(Files.readString(root.resolve("nerd-dinner-ci").resolve(script)))
        .as("nerd-dinner-ci/%s must equal books-ms/%s", script, script)
        .isEqualTo(Files.readString(root.resolve("books-ms").resolve(script)));
  }
}
