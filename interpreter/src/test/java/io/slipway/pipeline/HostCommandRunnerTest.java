package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.CappedBuffer;
import io.slipway.value.ExecResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host step printing more than the output limit keeps a capped tail; the log gets it all. */
class HostCommandRunnerTest {
  @AfterEach
  void reset() {
    System.clearProperty(CappedBuffer.PROPERTY);
  }

  @Test
  void hugeOutputKeepsACappedTailAndStreamsEveryLine(@TempDir Path dir) throws Exception {
    System.setProperty(CappedBuffer.PROPERTY, "1");
    var logged = new AtomicLong();
    var lines = new AtomicLong();
    // 8 MB in 8-kB lines, then a last line: before, all of it was kept in the value
    String script = "i=0; while [ $i -lt 1024 ]; do head -c 8191 /dev/zero | tr '\\0' x; echo; i=$((i+1)); done; echo last";
    ExecResult r = new HostCommandRunner(System.getenv()).run(
        new CommandRunner.Command(script, null, Map.of(), dir), (stream, line) -> {
          logged.addAndGet(line.length() + 1);
          lines.incrementAndGet();
        });
    assertThat(r.exitCode()).isZero();
    assertThat(lines.get()).isEqualTo(1025);
    assertThat(logged.get()).isEqualTo(1024L * 8192 + 5);
    assertThat(r.stdout()).startsWith("[output truncated at 1 MB").endsWith("xxx\nlast\n");
    assertThat(r.stdout().length()).isLessThan(1024 * 1024 + 200);
  }

  @Test
  void aLineWithoutEndReachesTheLogInPieces(@TempDir Path dir) throws Exception {
    var longest = new AtomicLong();
    ExecResult r = new HostCommandRunner(System.getenv()).run(
        new CommandRunner.Command("head -c 3000000 /dev/zero | tr '\\0' y", null, Map.of(), dir),
        (stream, line) -> longest.accumulateAndGet(line.length(), Math::max));
    assertThat(r.exitCode()).isZero();
    assertThat(longest.get()).isEqualTo(1 << 20);
    assertThat(r.stdout()).hasSize(3_000_000);
  }
}
