package io.slipway.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the shaded jar as a separate process, as users do through {@code ./slipway}. */
final class JarProcess {
  static final Path JAR = Path.of("target/slipway.jar").toAbsolutePath();

  private JarProcess() {}

  record Result(int code, String out, String err) {}

  static ProcessBuilder builder(Path dir, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("COLUMNS");
    pb.environment().put("TERM", "dumb");
    pb.environment().putAll(env);
    return pb;
  }

  static Result run(Path dir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = builder(dir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("slipway did not finish in 120 s: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
