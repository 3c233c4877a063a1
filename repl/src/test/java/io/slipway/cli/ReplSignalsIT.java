package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in {@code slipway repl} (the jar, script mode): it interrupts the evaluation that
 * runs and the REPL goes on; with nothing running it ends the REPL with exit code 130.
 */
class ReplSignalsIT {
  @TempDir Path dir;

  private Process start(Path out, Path err) throws Exception {
    return JarProcess.builder(dir, Map.of(), "repl").redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
  }

  private static void send(Process p, String line) throws Exception {
    OutputStream in = p.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static void await(Path file, String text) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(file).contains(text)) {
      assertThat(System.nanoTime()).as("`" + text + "` in " + Files.readString(file))
          .isLessThan(end);
      Thread.sleep(50);
    }
  }

  private static void interrupt(Process p) throws Exception {
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor())
        .isZero();
  }

  @Test
  void ctrlCInterruptsTheEvaluationNotTheRepl() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = start(out, err);
    // one input: once "started" is out, the evaluation that sleeps is under way
    send(p, "echo(\"started\"); sleep(60.seconds)");
    await(out, "started");
    interrupt(p);
    await(out, "interrupted");
    send(p, "20 + 22");
    p.getOutputStream().close();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).contains("started\ninterrupted\n42\n");
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
  }

  @Test
  void ctrlCWithNothingRunningEndsTheRepl() throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = start(out, err);
    send(p, "\"ready\"");
    await(out, "ready");
    interrupt(p);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(err)).contains("removing what this session created");
  }
}
