package io.slipway.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.cli.Cli;
import io.slipway.cli.Main;
import io.slipway.cli.Tty;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples the way users meet them: through the {@code slipway} command line, in-process. */
class CliExamplesTest {
  record Outcome(int exitCode, String out, String err) {}

  static Outcome slipway(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream(new byte[0]), Map.of(), Tty.none());
    int code = Main.execute(cli, args);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void checkAcceptsEveryPipelineAtOnce() {
    String[] args = ExampleFiles.pipelines().stream().map(Path::toString)
        .toArray(String[]::new);
    String[] command = new String[args.length + 1];
    command[0] = "check";
    System.arraycopy(args, 0, command, 1, args.length);
    var result = slipway(command);
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
  }

  @Test
  void runsHelloWithParams(@TempDir Path tmp) {
    Path dir = ExampleFiles.copy(ExampleFiles.example("hello"), tmp.resolve("hello"));
    var result = slipway("run", dir.resolve("Slipfile").toString(), "--plain",
        "-p", "greeting=Howdy", "-p", "deployTo=prod");
    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    assertThat(result.out()).contains("Howdy, ADA!", "deploying to prod", "post: success");
  }

  @Test
  void plansTheMatrix() {
    var result = slipway("plan", ExampleFiles.example("matrix").resolve("Slipfile").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("test-17-linux", "test-21-windows", "report");
  }

  @Test
  void aMistypedParamIsAUsageError(@TempDir Path tmp) {
    Path dir = ExampleFiles.copy(ExampleFiles.example("hello"), tmp.resolve("hello"));
    var result = slipway("run", dir.resolve("Slipfile").toString(), "--plain", "-p", "replicas=two");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out() + result.err()).contains("replicas");
  }
}
