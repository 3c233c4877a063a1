package io.slipway.snippets;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.Slipway;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.check.CheckedProgram;
import io.slipway.check.ParamOverrides;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of checker diagnostics: every {@code errors/<name>.slip} (not those under
 * {@code lib/}, which are imported) is parsed and checked as a pipeline file, and its fully
 * rendered diagnostics (no colour) must equal {@code <name>.err}. A first line
 * {@code // -p name=value} also converts that param override, as {@code slipway run -p} does.
 * A missing expectation is written and the test fails; {@code -Dsnippets.overwrite=true}
 * rewrites all of them.
 */
class CheckErrorSnippetsTest {
  private static final Path DIR = Path.of("src/test/snippets/errors");
  private static final BuiltinRegistry REGISTRY = Stdlib.registry();

  @TestFactory
  Stream<DynamicTest> errors() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(DIR)) {
      files = s.filter(p -> p.toString().endsWith(".slip")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
  }

  static String render(Path file) throws IOException {
    String name = DIR.relativize(file).toString().replace('\\', '/');
    SourceFile source = SourceFile.read(file, name);
    // through the facade, as `slipway check` does (it also drops consequences of syntax errors)
    var checked = new Slipway(REGISTRY).check(source);
    var out = new Diagnostics();
    out.addAll(checked.diagnostics());
    CheckedProgram program = checked.program();
    String first = source.text().lines().findFirst().orElse("");
    if (first.startsWith("// -p ")) {
      Map<String, String> overrides = new LinkedHashMap<>();
      for (String kv : first.substring(6).trim().split("\\s+")) {
        int eq = kv.indexOf('=');
        overrides.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      ParamOverrides.convert(program.params(), overrides, out);
    }
    return new DiagnosticRenderer(false).render(out.sorted());
  }

  private static void run(Path file) throws IOException {
    String actual = render(file);
    Path expected = Path.of(file.toString().replaceAll("\\.slip$", ".err"));
    boolean overwrite = Boolean.getBoolean("snippets.overwrite");
    if (overwrite || !Files.exists(expected)) {
      Files.writeString(expected, actual);
      assertThat(overwrite).as("expectation written to " + expected + "; review it and run again").isTrue();
      return;
    }
    assertThat(actual).as("checker errors of " + file).isEqualTo(Files.readString(expected));
    assertThat(actual).as("every error snippet must produce a diagnostic").isNotEmpty();
  }
}
