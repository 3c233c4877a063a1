package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the actual text is compared with the expectation; a missing expectation is
 * written and the test fails, {@code -Dsnippets.overwrite=true} rewrites every expectation.
 */
final class Golden {
  private Golden() {}

  static void assertMatches(Path expected, String actual) throws IOException {
    boolean overwrite = Boolean.getBoolean("snippets.overwrite");
    if (overwrite || !Files.exists(expected)) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, actual);
      if (!overwrite) {
        fail("wrote the missing expectation " + expected + "; check it and run again");
      }
      return;
    }
    assertThat(actual).as("output of %s", expected).isEqualTo(Files.readString(expected));
  }
}
