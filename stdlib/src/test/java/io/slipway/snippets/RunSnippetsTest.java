package io.slipway.snippets;

import java.nio.file.Path;

/**
 * Golden run tests of the language and pipeline DSL: every {@code snippets/run/<area>/<name>.slip}
 * (files under a {@code lib/} folder are imported, not run), with the rules of
 * {@link GoldenSnippets}.
 */
class RunSnippetsTest extends GoldenSnippets {
  RunSnippetsTest() {
    super(Path.of("src/test/snippets/run"), "slipway-run-snippets");
  }
}
