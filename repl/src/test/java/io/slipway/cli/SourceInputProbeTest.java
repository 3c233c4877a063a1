package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source files a user (or an attacker) may point slipway at (issue 11 items 3 and 5): a secrets
 * file, an import of one, a line holding a known secret, a 1 GB file, {@code /dev/zero}, a FIFO,
 * a binary. Each is one located error, exit 2, promptly, and no secret value is printed.
 */
@Timeout(value = 60)
class SourceInputProbeTest {
  static final String TOKEN = "pa55-W0rd-xyz";

  @TempDir Path dir;

  @BeforeEach
  void secrets() throws IOException {
    Files.createDirectories(dir.resolve(".slipway"));
    Files.writeString(dir.resolve(".slipway/secrets"), "# ci\nTOKEN=" + TOKEN + "\nAPI = key-9f8e7d6c\n");
  }

  private static void assertNoSecret(CliHarness.Result r) {
    for (String s : List.of(TOKEN, "pa55", "key-9f8e7d6c")) {
      assertThat(r.out() + r.err()).as(r.out() + r.err()).doesNotContain(s);
    }
    assertThat(r.out() + r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void importingTheSecretsFileIsRefusedWithoutReadingIt() throws IOException {
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, "import \".slipway/secrets\"\npipeline(\"p\") { stage(\"s\") { echo(\"x\") } }\n");
    for (String cmd : List.of("check", "plan", "run")) {
      var r = CliHarness.run(cmd, file.toString());
      assertThat(r.code()).as(cmd).isEqualTo(2);
      assertThat(r.out() + r.err()).contains("Slipfile:1:8: error[E0507]: only `.slip` files can be imported");
      assertNoSecret(r);
    }
  }

  @Test
  void checkingTheSecretsFileItselfPrintsNoValue() {
    var r = CliHarness.run("check", dir.resolve(".slipway/secrets").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("secrets:2:", "****");
    assertNoSecret(r);
  }

  @Test
  void aSourceLineHoldingAKnownSecretIsMasked() throws IOException {
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, "val token: Int = \"" + TOKEN + "\" + 1\npipeline(\"p\") { stage(\"s\") { echo(\"x\") } }\n");
    var r = CliHarness.run("check", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("Slipfile:1:", "val token: Int = \"****\" + 1");
    assertNoSecret(r);
  }

  @Test
  void hugeAndEndlessSourcesAreLocatedErrors() throws Exception {
    Path huge = dir.resolve("huge.slip");
    try (var f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(1L << 30); // sparse: no disk used
    }
    Path fifo = dir.resolve("fifo.slip");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path binary = dir.resolve("binary.slip");
    Files.write(binary, new byte[] {'v', 'a', 'l', 0, 1, 2});
    assertThat(CliHarness.run("check", huge.toString()).out())
        .contains("huge.slip:1:1: error[E0501]: cannot read `", "the file is 1.0 GB; source files are limited to 8 MB");
    assertThat(CliHarness.run("check", fifo.toString()).out())
        .contains("error: not a regular file: " + fifo);
    assertThat(CliHarness.run("check", "/dev/zero").out()).contains("error: not a regular file: /dev/zero");
    assertThat(CliHarness.run("check", "a\0b").out()).contains("error: invalid file name");
    assertThat(CliHarness.run("check", binary.toString()).out()).contains("not a text file (it contains NUL bytes)");
    for (Path p : List.of(huge, fifo, binary)) {
      var r = CliHarness.run("run", p.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertNoSecret(r);
    }
  }
}
