package io.slipway.repl;

import io.slipway.builtin.PlanException;
import io.slipway.check.CheckSession;
import io.slipway.check.CheckedProgram;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.diag.Diagnostics;
import io.slipway.interp.Cancelled;
import io.slipway.interp.ErrorRenderer;
import io.slipway.interp.Undecidable;
import io.slipway.run.SecretMasker;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.util.List;
import java.util.function.Function;

/**
 * The steps every input goes through, wherever it is evaluated (the session's top level or a
 * paused frame): parse (incomplete input asks for more), check against the scope it will run
 * in (errors rendered as {@code slipway check} renders them), run, and show the value of a
 * final expression with its static type. Secrets are masked in everything shown.
 */
final class Evaluation {
  private final SecretMasker masker;
  private int inputs;

  Evaluation(SecretMasker masker) {
    this.masker = masker;
  }

  /**
   * The source of the next input, named {@code <input-N>} in diagnostics and errors; N counts
   * complete inputs only ({@link #counted}), not the partial texts of a continued one.
   */
  SourceFile source(String text) {
    return SourceFile.of("<input-" + (inputs + 1) + ">", text.endsWith("\n") ? text : text + "\n");
  }

  /** The input named by the last {@link #source} was complete: the next gets a new number. */
  private void counted() {
    inputs++;
  }

  /** What {@code text} lacks to be complete ({@code missing `}` ...}), or null when complete. */
  static String missing(String text) {
    ParseResult r = SlipParser.parse(SourceFile.of("<input>", text + "\n"));
    if (!r.incomplete()) {
      return null;
    }
    return r.diagnostics().get(0).message();
  }

  /**
   * Parses, checks with {@code checker} and runs {@code text} with {@code run} (which returns
   * the value of the last expression statement).
   */
  ReplResponse eval(String text, CheckSession checker, Function<Program, Object> run) {
    SourceFile src = source(text);
    ParseResult parsed = SlipParser.parse(src);
    if (parsed.incomplete()) {
      return new ReplResponse.Incomplete(parsed.diagnostics().get(0).message());
    }
    counted();
    if (!parsed.ok()) {
      return diagnostics(parsed.diagnostics());
    }
    Program program = parsed.program();
    if (program.items().isEmpty()) {
      return new ReplResponse.Output("");
    }
    var out = new Diagnostics();
    CheckedProgram checked = checker.check(program, out);
    if (out.hasErrors()) {
      return diagnostics(out.sorted());
    }
    String warnings = out.sorted().isEmpty() ? "" : render(out.sorted());
    Object value;
    try {
      value = run.apply(program);
    } catch (SlipException e) {
      return new ReplResponse.Failure(warnings + masker.mask(ErrorRenderer.render(e)));
    } catch (PlanException e) {
      return new ReplResponse.Failure(warnings + render(List.of(e.diagnostic())));
    } catch (Cancelled e) {
      return new ReplResponse.Failure(warnings + ("interrupted".equals(e.getMessage())
          ? "interrupted\n" : "interrupted: " + e.getMessage() + "\n"));
    } catch (Undecidable e) {
      return new ReplResponse.Failure(warnings + "the value is not known yet\n");
    }
    Stmt last = program.items().get(program.items().size() - 1);
    if (!(last instanceof Stmt.ExprStmt es)) {
      return new ReplResponse.Output(warnings);
    }
    Type type = checked.types().has(es.expr()) ? checked.types().type(es.expr()) : null;
    if (value == Unit.INSTANCE) {
      return new ReplResponse.Output(warnings);
    }
    return new ReplResponse.Value(warnings + show(value),
        type == null ? "" : type.toString());
  }

  /** The static type of {@code expr} in {@code checker}'s scope, evaluating nothing. */
  ReplResponse typeOf(String expr, CheckSession checker) {
    ParseResult parsed = SlipParser.parse(source(expr));
    if (parsed.incomplete()) {
      return new ReplResponse.Incomplete(parsed.diagnostics().get(0).message());
    }
    counted();
    if (!parsed.ok()) {
      return diagnostics(parsed.diagnostics());
    }
    List<Stmt> items = parsed.program().items();
    if (items.size() != 1 || !(items.get(0) instanceof Stmt.ExprStmt es)) {
      return new ReplResponse.Failure("usage: :type EXPR (one expression)\n");
    }
    var out = new Diagnostics();
    CheckedProgram checked = checker.check(parsed.program(), out);
    if (out.hasErrors()) {
      return diagnostics(out.sorted());
    }
    Type t = checked.types().has(es.expr()) ? checked.types().type(es.expr()) : null;
    return new ReplResponse.Output((t == null ? "Unit" : t.toString()) + "\n");
  }

  /** A value as the REPL prints it, secrets masked. */
  String show(Object value) {
    return masker.mask(Values.show(value));
  }

  private ReplResponse diagnostics(List<Diagnostic> list) {
    return new ReplResponse.Diagnostics(render(list), list);
  }

  String render(List<Diagnostic> list) {
    return new DiagnosticRenderer(false).masking(masker).render(list);
  }
}
