package io.slipway.js;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link JsLazinessTest}: builds the standard library, checks a pipeline
 * that calls {@code js(..)} in a stage that is not run, and runs its other stage. The JavaScript
 * engine must not load for any of that.
 */
public final class LazyEngineProbe {
  private LazyEngineProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("slipway-lazy-js");
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, """
        pipeline("lazy") {
            stage("plain") { echo(listOf(1, 2).map { it * 2 }) }
            stage("script") { echo(js("1 + 1")) }
        }
        """);
    var slipway = new Slipway(Stdlib.registry());
    var checked = slipway.check(file);
    if (!checked.ok()) {
      throw new IllegalStateException("probe pipeline does not check: " + checked.diagnostics());
    }
    var result = slipway.run(checked, RunOptions.defaults().withOnlyStage("plain"));
    System.out.println("PROBE-DONE " + result.exitCode());
    if (args.length > 0 && args[0].equals("--with-script")) {
      System.out.println("PROBE-SCRIPT " + slipway.run(checked, RunOptions.defaults().withOnlyStage("script")).exitCode());
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
