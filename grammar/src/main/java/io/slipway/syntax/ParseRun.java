package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.grammar.SlipLexer;
import io.slipway.grammar.SlipParser.ProgramContext;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Program;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Pair;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * One parse of one file: lex, check the lexical problems and bracket depth, parse (fast SLL
 * first; on a syntax error, again in full LL with recovery and our messages), build the AST and
 * cap its depth.
 */
final class ParseRun {
  private final SourceFile file;
  private final Spans spans;
  private final SyntaxErrors errors;

  private final boolean sllFirst;

  ParseRun(SourceFile file) {
    this(file, true);
  }

  /** {@code sllFirst = false} parses in full LL at once (tests compare the two). */
  ParseRun(SourceFile file, boolean sllFirst) {
    this.sllFirst = sllFirst;
    this.file = file;
    this.spans = new Spans(file.text());
    this.errors = new SyntaxErrors(file);
  }

  ParseResult run() {
    var lexer = new SlipLexer(CharStreams.fromString(file.text(), file.name()));
    lexer.removeErrorListeners();
    var tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Token> all = tokens.getTokens();
    lexicalErrors(all);
    unterminatedStrings(lexer.unterminatedStrings());
    var brackets = new Brackets(all);
    Token tooDeep = brackets.firstTooDeep();
    if (tooDeep != null) {
      errors.add(Code.E0105, spans.of(tooDeep), "nesting too deep: more than "
          + Brackets.MAX_DEPTH + " nested brackets", null, null, false);
      return result(emptyProgram());
    }
    List<Token> unclosed = brackets.unclosedAtEnd();
    // Only blocks: an unclosed `(` or `[` swallows the newlines after it, and the parser finds
    // a better place to report it (the first line that cannot continue the expression).
    if (!unclosed.isEmpty() && unclosed.stream().allMatch(t -> t.getType() == SlipLexer.LCURL)) {
      tokens = closeAtEnd(all, unclosed);
      brackets = new Brackets(tokens.getTokens());
    }
    var parser = new GuardedParser(tokens);
    parser.removeErrorListeners();
    ProgramContext tree;
    try {
      tree = parse(parser, tokens, brackets);
    } catch (GuardedParser.TooDeep e) {
      errors.add(Code.E0105, spans.of(e.at), "nesting too deep: expressions and blocks nest more"
          + " than the parser allows", "split it with local `val`s or functions", null, false);
      return result(emptyProgram());
    }
    Program program;
    try {
      program = new AstBuilder(file, spans, errors, tokens).program(tree);
    } catch (RuntimeException e) {
      if (errors.isEmpty()) {
        throw e;
      }
      // A tree damaged by recovery in a way the builder did not foresee: the syntax errors
      // already explain the problem.
      program = emptyProgram();
    }
    return result(AstDepth.cap(program, errors));
  }

  private ProgramContext parse(GuardedParser parser, CommonTokenStream tokens, Brackets brackets) {
    if (!sllFirst) {
      parser.reportErrorsWhereInputStopsMatching();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
      parser.setErrorHandler(new SlipErrorStrategy(errors, spans, brackets));
      return parser.program();
    }
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.program();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.reportErrorsWhereInputStopsMatching();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new SlipErrorStrategy(errors, spans, brackets));
      return parser.program();
    }
  }

  /**
   * Input that ends inside blocks (a missing final `}`, the REPL's unfinished block) is
   * reported once here, as incomplete, and parsed as if the closers were there: the AST then
   * keeps the whole block (so the checker does not add "missing argument" for a lost trailing
   * lambda) and the parser reports nothing more about it.
   */
  private CommonTokenStream closeAtEnd(List<Token> all, List<Token> unclosed) {
    Token eof = all.get(all.size() - 1);
    Token innermost = unclosed.getLast();
    String closer = innermost.getType() == SlipLexer.LPAREN ? ")"
        : innermost.getType() == SlipLexer.LSQUARE ? "]" : "}";
    errors.addKeepingLineOpen(Code.E0102, spans.of(innermost), "missing `" + closer
        + "` to close the " + Brackets.what(innermost.getType()) + " opened here",
        errors.label(spans.of(eof), "the file ends here"), true);
    List<Token> patched = new ArrayList<>(all.subList(0, all.size() - 1));
    for (int i = unclosed.size() - 1; i >= 0; i--) {
      int type = Brackets.closerOf(unclosed.get(i).getType());
      var t = new CommonToken(new Pair<>(eof.getTokenSource(), eof.getInputStream()), type,
          Token.DEFAULT_CHANNEL, eof.getStartIndex(), eof.getStartIndex() - 1);
      t.setText(type == SlipLexer.RPAREN ? ")" : type == SlipLexer.RSQUARE ? "]" : "}");
      t.setLine(eof.getLine());
      t.setCharPositionInLine(eof.getCharPositionInLine());
      patched.add(t);
    }
    patched.add(eof);
    var stream = new CommonTokenStream(new ListTokenSource(patched));
    stream.fill();
    return stream;
  }

  private void lexicalErrors(List<Token> all) {
    for (Token t : all) {
      if (t.getType() == SlipLexer.ERROR_CHAR) {
        invalidCharacter(t);
      } else if (t.getType() == SlipLexer.BAD_CHAR_LIT) {
        StringLiterals.badCharLiteral(errors, spans.of(t), t.getText());
      } else if (t.getType() == SlipLexer.UNTERMINATED_COMMENT) {
        errors.add(Code.E0102, spans.of(t).start() == spans.of(t).end() ? spans.of(t)
            : new Span(spans.of(t).start(), spans.of(t).start() + 2),
            "unterminated comment: missing `*/`", null, null, true);
      }
    }
  }

  /** E0101 for "..." strings cut off by a newline, before the parser trips over the rest. */
  private void unterminatedStrings(List<Integer> starts) {
    for (int cp : starts) {
      int start = spans.offset(cp);
      int line = file.line(start);
      int end = file.lineStarts()[line - 1] + file.lineText(line).length();
      errors.add(Code.E0101, new Span(start, Math.max(start + 1, end)),
          "unterminated string: missing closing `\"`",
          "a \"...\" string ends on its line; use \"\"\"...\"\"\" for several lines", null, false);
    }
  }

  private void invalidCharacter(Token t) {
    String text = t.getText();
    String hint = switch (text) {
      case "#" -> "comments start with `//`";
      case "&" -> "the logical and is `&&`";
      case "|" -> "the logical or is `||`";
      case "@" -> "labels (`return@forEach`) and annotations are not part of Slipway";
      default -> null;
    };
    String shown = text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7f) ? "`" + text + "`"
        : String.format("U+%04X", text.codePointAt(0));
    errors.add(Code.E0103, spans.of(t), "invalid character " + shown, hint, null, false);
  }

  private Program emptyProgram() {
    return new Program(new Span(0, file.text().length()), file, List.of());
  }

  private ParseResult result(Program program) {
    List<Diagnostic> diagnostics = errors.sorted();
    boolean incomplete = !diagnostics.isEmpty()
        && diagnostics.stream().allMatch(Diagnostic::incomplete);
    return new ParseResult(program, diagnostics, incomplete);
  }
}
