package io.slipway.api;

import io.slipway.diag.Diagnostic;
import io.slipway.source.Span;
import io.slipway.syntax.AstChildren;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one mistake to one diagnostic across passes: where the parser recovered from a syntax
 * error, the statement around it holds guessed structure (a closer supplied at end of input, an
 * error node), so type errors the checker finds inside that statement are consequences, not
 * news. They are dropped; everything outside the damaged statement is still reported.
 */
final class SyntaxShadow {
  private SyntaxShadow() {}

  static List<Diagnostic> filter(Program program, List<Diagnostic> all) {
    List<Span> damaged = new ArrayList<>();
    for (Diagnostic d : all) {
      if (d.code().syntax() && d.file().equals(program.file())) {
        Span s = innermostStatement(program, d.span().start());
        if (s != null) {
          damaged.add(s);
        }
      }
    }
    if (damaged.isEmpty()) {
      return all;
    }
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : all) {
      boolean shadowed = !d.code().syntax() && d.file().equals(program.file())
          && damaged.stream().anyMatch(s -> s.start() <= d.span().start() && d.span().start() <= s.end());
      if (!shadowed) {
        kept.add(d);
      }
    }
    return kept;
  }

  /** The span of the smallest statement containing {@code offset}, or null. */
  private static Span innermostStatement(Node root, int offset) {
    Span best = null;
    List<Node> work = new ArrayList<>(List.of(root));
    while (!work.isEmpty()) {
      Node n = work.remove(work.size() - 1);
      if (!covers(n.span(), offset)) {
        continue;
      }
      if (n instanceof Stmt && (best == null || n.span().length() <= best.length())) {
        best = n.span();
      }
      AstChildren.forEach(n, work::add);
    }
    return best;
  }

  private static boolean covers(Span s, int offset) {
    return s.start() <= offset && offset <= s.end();
  }
}
