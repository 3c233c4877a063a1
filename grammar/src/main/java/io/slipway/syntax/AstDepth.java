package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The AST depth cap that keeps later passes safe. The checker, the interpreter and printers walk
 * the tree recursively; a tree deeper than {@link #MAX_DEPTH} (a 10,000-operand {@code +} chain,
 * thousands of chained calls) is reported as "nesting too deep" (E0105) and the top-level
 * statement holding it is replaced by an {@link Expr.Error}, so no later pass ever sees it.
 * The walk here uses an explicit stack.
 */
final class AstDepth {
  /** Deepest AST a program may have (nodes on the path from the program to a leaf). */
  static final int MAX_DEPTH = 512;

  private Node[] nodes = new Node[64];
  private int[] depths = new int[64];
  private int size;
  private int childDepth;
  private final java.util.function.Consumer<Node> pushChild = c -> push(c, childDepth);

  private AstDepth() {}

  static Program cap(Program program, SyntaxErrors errors) {
    List<Stmt> items = null;
    var walker = new AstDepth();
    for (int i = 0; i < program.items().size(); i++) {
      Stmt item = program.items().get(i);
      Node tooDeep = walker.firstTooDeep(item);
      if (tooDeep != null) {
        errors.add(Code.E0105, tooDeep.span(), "nesting too deep: more than " + MAX_DEPTH
            + " levels of nested expressions", "split it with local `val`s or functions", null,
            false);
        if (items == null) {
          items = new ArrayList<>(program.items());
        }
        items.set(i, new Stmt.ExprStmt(item.span(), new Expr.Error(item.span())));
      }
    }
    return items == null ? program : new Program(program.span(), program.file(), items);
  }

  private Node firstTooDeep(Node root) {
    size = 0;
    push(root, 2);
    while (size > 0) {
      size--;
      Node n = nodes[size];
      int d = depths[size];
      nodes[size] = null;
      if (d > MAX_DEPTH) {
        return n;
      }
      childDepth = d + 1;
      AstChildren.forEach(n, pushChild);
    }
    return null;
  }

  private void push(Node n, int depth) {
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      depths = Arrays.copyOf(depths, size * 2);
    }
    nodes[size] = n;
    depths[size++] = depth;
  }
}
