package io.slipway.cli;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import io.slipway.syntax.SlipParser;
import java.util.concurrent.CompletableFuture;

/**
 * Builds the standard library registry and warms the parser (ANTLR deserializes its state
 * machines on first use) on a second thread while the main thread parses the command line, so
 * a cold {@code slipway check} pays for them in parallel rather than in sequence. Commands that
 * need neither simply never wait for it.
 */
public final class Warmup {
  private final CompletableFuture<BuiltinRegistry> registry = new CompletableFuture<>();

  private Warmup() {}

  static Warmup start() {
    var w = new Warmup();
    Thread.ofPlatform().daemon().name("slipway-warmup").start(() -> {
      try {
        w.registry.complete(Stdlib.registry());
        SlipParser.parse(SourceFile.of("warmup.slip",
            "val x = 1\npipeline(\"w\") {\n  stage(\"s\") { echo(\"$x ${x + 1}\") }\n}\n"));
      } catch (Throwable t) {
        w.registry.completeExceptionally(t);
      }
    });
    return w;
  }

  /** The registry, waiting for the warm-up thread if it is not done yet. */
  BuiltinRegistry registry() {
    try {
      return registry.join();
    } catch (java.util.concurrent.CompletionException e) {
      // the warm-up failed (a bug): build it here so the real error surfaces where it belongs
      return Stdlib.registry();
    }
  }
}
