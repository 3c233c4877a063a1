package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ways a secret has been printed (issue 11 items 4 and 6; {@code probes/secret-leak}): split
 * by a colour code, rebuilt by a carriage return or a backspace or a cursor move, read with a
 * CRLF line end, in a stage name computed from a file, in an error message, a multi-line key
 * with a short line. No byte of any secret reaches any output: the plain lines, the JSON
 * events, the JUnit XML, the HTML report, stderr; and no terminal control sequence reaches the
 * plain, JSON or JUnit output (issue 6 item 11).
 */
class SecretLeakProbeTest {
  static final String TOKEN = "pa55-W0rd-xyz";
  static final String KEY = "-----BEGIN TEST KEY-----\nlong-line-one-of-key\nab\n-----END TEST KEY-----";
  /** Fragments of the secrets that identify them. */
  static final List<String> FRAGMENTS = List.of(TOKEN, "pa55", "W0rd", "long-line-one-of-key");

  @TempDir Path dir;

  @BeforeEach
  void copyProbe() throws IOException {
    Path probe = Path.of("src/test/resources/probes/secret-leak");
    for (String f : List.of("Slipfile", "tok.txt")) {
      Files.copy(probe.resolve(f), dir.resolve(f));
    }
    Files.createDirectories(dir.resolve(".slipway"));
    Files.writeString(dir.resolve(".slipway/secrets"), "TOKEN=" + TOKEN + "\r\nOTHER=another-value\r\n");
  }

  private CliHarness.Result run(String... extra) {
    var args = new ArrayList<>(List.of("run", dir.resolve("Slipfile").toString()));
    args.addAll(List.of(extra));
    return CliHarness.run(Map.of("KEY", KEY), "", args.toArray(String[]::new));
  }

  @Test
  void theLiveViewShowsNoSecret() {
    var args = List.of("run", dir.resolve("Slipfile").toString());
    var r = CliHarness.run(new Tty(false, true, true, 120, 40), Map.of("KEY", KEY), "",
        args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).contains("deploy-****");
    assertClean("live view", r.out());
    assertClean("stderr", r.err());
  }

  static void assertClean(String what, String text) {
    for (String f : FRAGMENTS) {
      assertThat(text).as(what + " must not contain `" + f + "`:\n" + text).doesNotContain(f);
    }
  }

  @Test
  void plainOutputShowsNoSecretAndNoControlSequence() {
    var r = run("--plain");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertClean("stdout", r.out());
    assertClean("stderr", r.err());
    assertThat(r.out()).doesNotContain("\u001b", "\r", "\b")
        .contains("[deploy-****] named after the token", "[shell] ****", "[shell] ****xxxxxxx",
            "TOKEN=****", "short line alone: ****", "the token is ****");
  }

  @Test
  void jsonJunitAndHtmlShowNoSecret() throws IOException {
    Path junit = dir.resolve("out/junit.xml");
    Path html = dir.resolve("out/report.html");
    var r = run("--json", "--junit", junit.toString(), "--report", html.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertClean("JSON events", r.out());
    assertClean("stderr", r.err());
    // a JSON-escaped ESC or CR (an escaped backslash followed by `r` is source text, not a CR)
    assertThat(r.out()).doesNotContainPattern("(?<!\\\\)\\\\(u001b|u001B|r)");
    String xml = Files.readString(junit, StandardCharsets.UTF_8);
    assertClean("JUnit XML", xml);
    assertThat(xml).doesNotContain("\u001b", "&#27;", "&#x1b;", "&#x1B;");
    assertClean("HTML report", Files.readString(html, StandardCharsets.UTF_8));
  }
}
