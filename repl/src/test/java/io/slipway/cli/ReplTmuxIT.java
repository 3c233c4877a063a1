package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal REPL in a real terminal (tmux) against the real engine, as a person uses it:
 * load {@code examples/books-ms}, break inside its deploy stage, inspect (where, vars, an
 * expression with tab completion, ps), {@code :shell} into the database container and run a
 * command there, leave the shell, interrupt a long evaluation with Ctrl-C, let the run end,
 * {@code :rerun} the deploy stage, and leave with Ctrl-C twice at an empty prompt. The screen
 * is asserted at each step; at the end nothing the session made is left on the engine.
 */
@Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES,
    threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplTmuxIT {
  private static final Duration STEP = Duration.ofSeconds(60);
  private static final Duration RUN = Duration.ofMinutes(5);

  @TempDir
  Path tmp;

  @BeforeAll
  static void engineAndImage() throws Exception {
    int engine = DockerCleanupIT.docker("version").code();
    if ("1".equals(System.getenv("SLIPWAY_REQUIRE_ENGINE"))) {
      assertThat(engine).as("a Docker engine answers").isZero();
    }
    org.assertj.core.api.Assumptions.assumeThat(engine).as("a Docker engine answers").isZero();
    assertThat(new ProcessBuilder("tmux", "-V").start().waitFor())
        .as("tmux is installed (scripts/setup.d/30-tmux.sh)").isZero();
    Path script = Path.of("..", "scripts", "build-test-images.sh");
    assertThat(new ProcessBuilder(script.toString()).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void debugABooksMsRunInARealTerminal() throws Exception {
    Path dir = tmp.resolve("books-ms");
    copy(Path.of("..", "examples", "books-ms").toAbsolutePath().normalize(), dir);
    Path home = Files.createDirectories(tmp.resolve("home"));
    // a build number of its own, so the image tags (slipway-books-ms-N) are this test's alone:
    // another books-ms run on the same engine (a concurrent test) must not remove them mid-test
    long build = 1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000, 1_000_000);
    Files.createDirectories(dir.resolve(".slipway/builds"));
    Files.writeString(dir.resolve(".slipway/builds/books-ms"), (build - 1) + "\n");
    List<String> slipfile = Files.readAllLines(dir.resolve("Slipfile"));
    int line = 1 + indexOf(slipfile, "val url = \"http://localhost:");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    try (Tmux t = Tmux.start(dir, List.of("HOME=" + home, "TERM=xterm-256color"), 160, 50,
        List.of(java, "-XX:TieredStopAtLevel=1", "-jar", JarProcess.JAR.toString(), "repl", "Slipfile"))) {
      long pid = t.pid();
      Throwable failure = null;
      try {
        String s = t.await("^slipway> $", 0, STEP);
        assertThat(s).contains("stage deploy and post-deployment tests");
        assertThat(t.screenWithColours()).as("a coloured prompt on xterm-256color").contains("\u001b[");
        int mark = s.length();

        // input that is not complete yet continues on a secondary prompt saying what it lacks
        t.line("\"six ${2 *");
        s = t.await("^\\.\\.\\. \\(`\\$\\{` not closed: `\\}`\\)> $", mark, STEP);
        t.line("  3}\"");
        s = t.await("^\"?six 6\"?$", mark, STEP);
        mark = s.length();

        // a breakpoint at a line of the deploy stage
        t.line(":break Slipfile:" + line);
        s = t.await("breakpoint 1", mark, STEP);
        mark = s.lastIndexOf("breakpoint 1");
        // the registry is unreachable on purpose: publishing fails after the stage under test
        t.line(":run -p port=" + freePort() + " -p registry=127.0.0.1:1");
        s = t.await("^deploy and post-deployment tests:" + line + "> $", mark, RUN);
        mark = s.lastIndexOf("paused");
        assertThat(s.substring(mark)).contains("Slipfile:" + line);

        // commands complete with Tab (:wh is only :where)
        t.type(":wh");
        t.keys("Tab");
        t.keys("Enter");
        s = t.await("^frames:", mark, STEP); // (the pause already showed the source line)
        assertThat(s.substring(mark)).contains(":where").contains("val url = ");
        t.line(":vars");
        s = t.await("\\bms\\b.*Container", mark, STEP);
        // members after `.` complete from the static type
        t.type("ms.na");
        t.keys("Tab");
        t.keys("Enter");
        s = t.await("^\"?books-ms\"?$", mark, STEP);
        t.line(":ps");
        s = t.await("^books-db\\s+running", mark, STEP);
        assertThat(s.substring(mark)).containsPattern("(?m)^books-ms\\s+running");
        mark = s.length();

        // a shell with a real TTY inside the database container, then back to the REPL
        t.line(":shell books-db");
        s = t.await("^/[^\\n]*# $", mark, STEP);
        t.line("tty && echo inside-$((6 * 7))");
        s = t.await("^inside-42$", mark, STEP);
        assertThat(s.substring(mark)).containsPattern("(?m)^/dev/pts/\\d+$");
        t.line("exit");
        s = t.await("^deploy and post-deployment tests:" + line + "> $", s.lastIndexOf("inside-42"), STEP);
        mark = s.lastIndexOf("inside-42");

        // Ctrl-C interrupts a long evaluation, not the REPL
        // (Ctrl-C once the evaluation is known to run: its first output is on the screen)
        t.line("println(\"sleeping\"); sleep(5.minutes)");
        t.await("^(\\[[^\\]]+\\] )?sleeping$", mark, STEP); // output of a paused stage is prefixed
        t.keys("C-c");
        s = t.await("(?i)interrupted", mark, STEP);
        s = t.await("^deploy and post-deployment tests:" + line + "> $", s.toLowerCase().lastIndexOf("interrupted"), STEP);
        mark = s.length();

        // the run goes on to its end; its containers stay for a re-run
        t.line(":delete all");
        t.line(":continue");
        s = t.await("^slipway> $", mark, RUN);
        assertThat(s.substring(mark)).contains("publish");
        mark = s.length();
        // the re-run, explained as docker commands: its containers are made again by the names
        // the Slipfile gave them (the example's own checks may fail under load: DNS; the REPL's
        // part is the re-run and its screen)
        t.line(":explain on");
        s = t.await("^explain on[^\\n]*\\n+slipway> $", mark, STEP);
        mark = s.length();
        t.line(":rerun \"deploy and post-deployment tests\"");
        s = t.await("^slipway> $", mark, RUN);
        String rerun = s.substring(mark);
        assertThat(rerun).contains("removed container books-db", "created container books-db")
            .contains("$ docker network create books")
            .containsPattern("(?m)^\\$ docker run -d --name books-db --network books .*books-ms-db:slipway-books-ms-" + build + "$")
            .containsPattern("\\[deploy and post-deployment tests\\] stage (success|failed)");
        boolean rerunOk = rerun.contains("[deploy and post-deployment tests] stage success");
        mark = s.length();

        // Ctrl-C on a typed line discards it; twice at an empty prompt leaves (and cleans up)
        mark = s.lastIndexOf('\n') + 1; // from the prompt's line on
        t.type("1 +");
        t.await("^slipway> 1 \\+[ \\t]*$", mark, STEP);
        t.keys("C-c");
        // the next Ctrl-C once the fresh prompt reads (jline's reader takes two quick ^Cs that
        // both reach it while it is still returning from the first as one)
        t.await("^slipway> 1 \\+[ \\t]*\\n+slipway> $", mark, STEP);
        t.keys("C-c");
        s = t.await("press Ctrl-C again[^\\n]*\\n+slipway> $", mark, STEP);
        t.keys("C-c");
        int code = t.awaitExit(STEP);
        if (code >= 0) { // -1: tmux recorded no status (ended by a signal)
          assertThat(code).as("exit code: 0 when the last re-run succeeded\n%s", t.screen()).isEqualTo(rerunOk ? 0 : 1);
        }
        assertThat(Files.readString(home.resolve(".slipway/history"))).contains(":shell books-db");
      } catch (Throwable e) {
        failure = e;
        throw e;
      } finally {
        if (failure != null) {
          t.quitQuietly(); // what a failed test leaves running must still be cleaned up by the REPL
        }
        List<String> left = leftovers(pid);
        if (failure == null) {
          assertThat(left).as("what the REPL (pid %d) left on the engine", pid).isEmpty();
        } else if (!left.isEmpty()) {
          failure.addSuppressed(new AssertionError("the REPL (pid " + pid + ") left " + left));
        }
      }
    }
  }

  /** Containers, networks and volumes owned by process {@code pid}. */
  private static List<String> leftovers(long pid) throws Exception {
    String format = "{{.Label \"io.slipway.owner\"}}";
    String mine = " " + pid + " ";
    return Stream.of(
            DockerCleanupIT.docker("ps", "-a", "--filter", "label=io.slipway.owner", "--format", "container " + format),
            DockerCleanupIT.docker("network", "ls", "--filter", "label=io.slipway.owner", "--format", "network " + format),
            DockerCleanupIT.docker("volume", "ls", "--filter", "label=io.slipway.owner", "--format", "volume " + format))
        .flatMap(o -> o.text().lines())
        .filter(l -> l.contains(mine))
        .toList();
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line with " + text);
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
