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

  /** The README shows this excerpt of {@code slipway plan examples/books-ms}. */
  @Test
  void plansBooksMsWithEvaluatedValuesAndNoSideEffects(@TempDir Path tmp) throws Exception {
    Path dir = ExampleFiles.copy(ExampleFiles.example("books-ms"), tmp.resolve("books-ms"));
    var result = slipway("plan", dir.resolve("Slipfile").toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("""
          stage publish
            docker push localhost:5000/books-ms:slipway-books-ms-1
            docker tag localhost:5000/books-ms:slipway-books-ms-1 localhost:5000/books-ms:latest
            docker push localhost:5000/books-ms:latest
        """);
    String readme = java.nio.file.Files.readString(ExampleFiles.repository().resolve("README.md"));
    assertThat(readme).contains(result.out().lines()
        .dropWhile(l -> !l.equals("  stage publish")).limit(4)
        .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".slipway");
    }
  }

  @Test
  void aMistypedParamIsAUsageError(@TempDir Path tmp) {
    Path dir = ExampleFiles.copy(ExampleFiles.example("hello"), tmp.resolve("hello"));
    var result = slipway("run", dir.resolve("Slipfile").toString(), "--plain", "-p", "replicas=two");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.out() + result.err()).contains("replicas");
  }
}
