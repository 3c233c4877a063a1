package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses and checks snippets for the table-driven checker tests. */
abstract class CheckerHarness {
  static final BuiltinRegistry REGISTRY = TestRegistry.create();

  /** Checks {@code src} (a snippet, or a pipeline file when {@code pipelineFile}). */
  static Result check(String src, boolean pipelineFile, Map<String, String> libraries) {
    ParseResult parsed = SlipParser.parse(SourceFile.of("test.slip", src));
    assertThat(parsed.diagnostics()).as("syntax errors in test input:\n" + src)
        .isEmpty();
    var out = new Diagnostics();
    ModuleLoader loader = (importer, path, sink) -> {
      String text = libraries.get(path);
      if (text == null) {
        return Optional.empty();
      }
      ParseResult r = SlipParser.parse(SourceFile.of(path, text));
      sink.addAll(r.diagnostics());
      return Optional.of(r.program());
    };
    CheckedProgram program = new Checker(REGISTRY).check(parsed.program(), loader, out, pipelineFile);
    return new Result(out.sorted(), program);
  }

  record Result(List<Diagnostic> diagnostics, CheckedProgram program) {
    String rendered() {
      return new DiagnosticRenderer(false).render(diagnostics);
    }
  }

  static Result assertValid(String src) {
    Result r = check(src, false, Map.of());
    assertThat(r.diagnostics()).as(() -> "expected no errors for:\n" + src + "\nbut got:\n" + r.rendered()).isEmpty();
    return r;
  }

  static Result assertValidPipeline(String src) {
    Result r = check(src, true, Map.of());
    assertThat(r.diagnostics()).as(() -> "expected no errors for:\n" + src + "\nbut got:\n" + r.rendered()).isEmpty();
    return r;
  }

  /** Exactly one diagnostic, with this code and a message containing {@code messagePart}. */
  static Result assertInvalid(Code code, String messagePart, String src) {
    return assertInvalidIn(code, messagePart, check(src, false, Map.of()), src);
  }

  static Result assertInvalidPipeline(Code code, String messagePart, String src) {
    return assertInvalidIn(code, messagePart, check(src, true, Map.of()), src);
  }

  static Result assertInvalidIn(Code code, String messagePart, Result r, String src) {
    assertThat(r.diagnostics()).as(() -> "expected one " + code + " for:\n" + src + "\nbut got:\n" + r.rendered())
        .hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.code()).as(r.rendered()).isEqualTo(code);
    assertThat(d.message()).as(r.rendered()).contains(messagePart);
    return r;
  }
}
