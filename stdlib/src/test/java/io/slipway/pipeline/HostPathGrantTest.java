package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host paths outside the pipeline directory are an explicit opt-in of the runner
 * ({@code --allow-host-path}, {@code RunOptions.withHostPaths}); without it a file builtin fails
 * the step with a located error, never an internal one (issue 11 item 8).
 */
class HostPathGrantTest {
  @TempDir Path root;

  private static final String SOURCE = """
      pipeline("p") {
          stage("read") {
              echo(readFile("%s").trim())
          }
      }
      """;

  @Test
  void aGrantedDirectoryIsReadableAndNothingElse() throws Exception {
    Path dir = Files.createDirectories(root.resolve("pipeline"));
    Path shared = Files.createDirectories(root.resolve("shared"));
    Files.writeString(shared.resolve("version.txt"), "1.2.3\n");
    String source = SOURCE.formatted(shared.resolve("version.txt"));

    var refused = TestRuns.run(dir, source);
    assertThat(refused.result().exitCode()).isEqualTo(1);
    assertThat(refused.result().error()).contains("Slipfile:3:", "readFile: `" + shared
        + "/version.txt` is outside the pipeline directory").doesNotContain("internal error");

    var granted = TestRuns.run(TestRuns.REGISTRY, dir, source, o -> o.withHostPaths(List.of(shared)));
    assertThat(granted.result().exitCode()).as(String.valueOf(granted.result().error())).isZero();
    assertThat(granted.logs("read")).containsExactly("1.2.3");
  }

  @Test
  void aNulInAPathIsALocatedError() throws Exception {
    var out = TestRuns.run(root, """
        pipeline("p") {
            stage("w") {
                writeFile("a\\u0000b", "x")
            }
        }
        """);
    assertThat(out.result().exitCode()).isEqualTo(1);
    assertThat(out.result().error()).contains("Slipfile:3:", "writeFile: invalid path `a\\0b`: it contains a NUL character")
        .doesNotContain("internal error");
  }
}
