package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway repl} without a file in a real terminal (tmux), where the prompt shows while
 * the session is still being built: input typed at once (before the prompt) is evaluated once
 * the session exists, a definition continues over lines, and {@code :quit} leaves with exit
 * code 0. Needs no engine: nothing here reaches Docker.
 */
class ReplStartTmuxIT {
  private static final Duration STEP = Duration.ofSeconds(60);

  @TempDir
  Path tmp;

  @BeforeAll
  static void tmux() throws Exception {
    assertThat(new ProcessBuilder("tmux", "-V").start().waitFor())
        .as("tmux is installed (scripts/setup.d/30-tmux.sh)").isZero();
  }

  @Test
  void inputTypedBeforeThePromptIsEvaluated() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (Tmux t = Tmux.start(tmp, List.of("HOME=" + home, "TERM=xterm-256color"), 120, 40,
        // through sh, which prints the exit status (tmux does not always record it)
        List.of("sh", "-c", "\"$0\" -XX:TieredStopAtLevel=1 -jar \"$1\" repl; echo \"exit status $?\"",
            java, JarProcess.JAR.toString()))) {
      // typed right away, as someone who does not wait for the prompt
      t.line("6 * 7");
      t.await("(?m)^42$", 0, STEP);
      String s = t.await("(?m)^slipway> $", 0, STEP);
      int mark = s.length();
      t.line("fun twice(n: Int): Int {");
      t.await("\\.\\.\\. \\(block not closed: `}`\\)> $", mark, STEP);
      t.line("  return 2 * n");
      t.line("}");
      s = t.await("(?m)^slipway> $", mark, STEP);
      mark = s.length();
      t.line("twice(21) + 1");
      s = t.await("(?m)^43\\n+slipway> $", mark, STEP);
      mark = s.length();
      t.line("7");
      t.await("(?m)^7\\n+slipway> $", mark, STEP);
      t.line(":quit");
      t.await("(?m)^exit status 0$", mark, STEP);
      assertThat(Files.readString(home.resolve(".slipway/history"))).contains("twice(21) + 1");
    }
  }
}
