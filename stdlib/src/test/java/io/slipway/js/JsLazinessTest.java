package io.slipway.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript engine loads only when a script runs (spec §10): startup, checking and running
 * pipelines without scripts never touch GraalVM. Observed in a fresh JVM through class loading.
 * Also the package boundary: only {@code io.slipway.js} imports {@code org.graalvm.polyglot}.
 */
class JsLazinessTest {
  private static final String ENGINE_CLASS = "org.graalvm.polyglot.Engine ";

  private static String probe(String... args) throws IOException, InterruptedException {
    var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path")));
    if (Runtime.version().feature() >= 24) {
      cmd.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
    }
    cmd.add(LazyEngineProbe.class.getName());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(out).as(out.lines().filter(l -> !l.contains("class,load")).toList().toString()).contains("PROBE-DONE 0");
    return out;
  }

  @Test
  void checkingAndRunningWithoutScriptsNeverLoadsTheEngine() throws Exception {
    assertThat(probe()).doesNotContain(ENGINE_CLASS).doesNotContain("com.oracle.truffle");
  }

  @Test
  void aScriptRunsInAWorkerProcessNotInSlipwaysJvm() throws Exception {
    // scripts run in a JsWorker with a capped heap: Slipway's own JVM never loads GraalVM
    String out = probe("--with-script");
    assertThat(out).contains("PROBE-SCRIPT 0").doesNotContain(ENGINE_CLASS).doesNotContain("com.oracle.truffle");
  }

  @Test
  void onlyTheJsPackageImportsPolyglot() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    var offenders = new ArrayList<String>();
    for (String module : List.of("grammar", "interpreter", "stdlib", "repl", "examples")) {
      Path src = root.resolve(module).resolve("src");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
          String rel = root.relativize(f).toString().replace('\\', '/');
          if (!rel.contains("/io/slipway/js/") && Files.readString(f).contains("import org.graalvm.polyglot")) {
            offenders.add(rel);
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
