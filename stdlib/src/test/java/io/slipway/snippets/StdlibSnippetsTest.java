package io.slipway.snippets;

import java.nio.file.Path;

/**
 * Golden runs of the standard library ({@code snippets/stdlib/*.slip}), with the rules of
 * {@link GoldenSnippets} (the snippets write files, so they run in a temporary copy).
 */
class StdlibSnippetsTest extends GoldenSnippets {
  StdlibSnippetsTest() {
    super(Path.of("src/test/snippets/stdlib"), "slipway-stdlib-snippets");
  }
}
