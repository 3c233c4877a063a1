package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.stack.DeepStack;
import io.slipway.syntax.ast.Program;
import java.util.List;

/**
 * The parse facade: source text in, {@link ParseResult} out. It never throws for bad input: every
 * syntax error becomes a diagnostic (codes E0100–E0107) and damaged regions become
 * {@code Error} nodes so that the checker can go on.
 *
 * <p>Nesting limits, so that no input can overflow the Java stack here or in a later recursive
 * pass (checker, interpreter, printers), all reported as E0105 "nesting too deep":
 *
 * <ul>
 *   <li>brackets {@code ( [ { ${} nest at most {@value Brackets#MAX_DEPTH} deep (checked on the
 *       tokens before parsing; such a file is not parsed further);
 *   <li>grammar rules nest at most {@value GuardedParser#MAX_RULE_DEPTH} deep during parsing
 *       (thousands of {@code else if}s or prefix operators);
 *   <li>the finished AST is at most {@value AstDepth#MAX_DEPTH} nodes deep (long operator chains);
 *       a later pass may rely on that and use about 1 KB of stack per level;
 *   <li>parsing runs on a thread with a {@link DeepStack} (later passes should too), so the limits
 *       hold whatever stack the caller's thread has;
 *   <li>a {@link StackOverflowError} anyway is caught as a last resort.
 * </ul>
 */
public final class SlipParser {
  private SlipParser() {}

  /** Parses one file. Thread-safe: all state is per call. */
  public static ParseResult parse(SourceFile file) {
    return DeepStack.call("slipway-parse", () -> parseHere(file));
  }

  private static ParseResult parseHere(SourceFile file) {
    try {
      return new ParseRun(file).run();
    } catch (StackOverflowError e) {
      Diagnostic d = Diagnostic.error(Code.E0105, file, Span.NONE,
          "nesting too deep: the file nests more deeply than the parser can follow");
      return new ParseResult(new Program(new Span(0, file.text().length()), file, List.of()),
          List.of(d), false);
    }
  }
}
