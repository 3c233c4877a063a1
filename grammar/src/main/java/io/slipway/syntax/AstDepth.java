package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * The AST depth cap that keeps later passes safe. The checker, the interpreter and printers walk
 * the tree recursively; a tree deeper than {@link #MAX_DEPTH} (a 10,000-operand {@code +} chain,
 * thousands of nested lambdas) is reported as "nesting too deep" (E0105) and the top-level
 * statement holding it is replaced by an {@link Expr.Error}, so no later pass ever sees it.
 * The walk here uses an explicit stack.
 */
final class AstDepth {
  /** Deepest AST a program may have (nodes on the path from the program to a leaf). */
  static final int MAX_DEPTH = 512;

  private AstDepth() {}

  static Program cap(Program program, SyntaxErrors errors) {
    List<Stmt> items = new ArrayList<>(program.items());
    boolean changed = false;
    for (int i = 0; i < items.size(); i++) {
      Node tooDeep = firstTooDeep(items.get(i));
      if (tooDeep != null) {
        errors.add(Code.E0105, tooDeep.span(), "nesting too deep: more than " + MAX_DEPTH
            + " levels of nested expressions", "split it with local `val`s or functions", null,
            false);
        var span = items.get(i).span();
        items.set(i, new Stmt.ExprStmt(span, new Expr.Error(span)));
        changed = true;
      }
    }
    return changed ? new Program(program.span(), program.file(), items) : program;
  }

  private static Node firstTooDeep(Node root) {
    List<Node> nodes = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    nodes.add(root);
    depths.add(2);
    while (!nodes.isEmpty()) {
      Node n = nodes.removeLast();
      int d = depths.removeLast();
      if (d > MAX_DEPTH) {
        return n;
      }
      for (Node c : AstChildren.of(n)) {
        nodes.add(c);
        depths.add(d + 1);
      }
    }
    return null;
  }
}
