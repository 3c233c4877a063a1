package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure inside an imported function shows where the stage called it, too. */
class ImportedFailureTest {
  @TempDir Path dir;

  @Test
  void theErrorNamesTheLibraryLineAndTheStagesCallSite() throws Exception {
    Files.createDirectories(dir.resolve("lib"));
    // `launch`, not `deploy`: a user `deploy` would shadow the builtin (warning W0301)
    Files.writeString(dir.resolve("lib/deploy.slip"), """
        fun launch(target: String) {
            ensureTarget(target)
        }

        fun ensureTarget(target: String) {
            error("cannot deploy to $target")
        }
        """);
    var out = TestRuns.run(dir, """
        import "lib/deploy.slip"

        pipeline("p") {
            stage("ship") {
                echo("shipping")
                launch("prod")
            }
        }
        """);
    String error = out.result().error();
    assertThat(error).containsPattern("(?m)^\\S*lib/deploy\\.slip:6:5: error in stage `ship`: "
        + "Error: cannot deploy to prod \\(called from \\S*Slipfile:6:9\\)$");
    assertThat(error).containsPattern("(?m)^\\S*Slipfile:6:9: called from here\n    6 \\|         "
        + "launch\\(\"prod\"\\)\n      \\|         \\^{14}$");
    // the call inside the library (same file) is not repeated
    assertThat(error).doesNotContain("deploy.slip:2");
    assertThat(out.finished("ship").error()).containsPattern("called from \\S*Slipfile:6:9");
  }
}
