package io.slipway.interp;

import io.slipway.syntax.AstChildren;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Static facts about a statement that {@link PlanTime#absorb} needs to skip it safely: whether
 * control can leave it other than by finishing it, and which variables it declares or assigns.
 */
final class Jumps {
  private Jumps() {}

  /**
   * True when a {@code break} or {@code continue} outside any loop of the statement, or a
   * {@code return} outside any function declared in it, can leave it.
   */
  static boolean leaves(Stmt stmt) {
    return leaves(stmt, false);
  }

  private static boolean leaves(Node n, boolean inLoop) {
    switch (n) {
      case Stmt.Break b -> {
        return !inLoop;
      }
      case Stmt.Continue c -> {
        return !inLoop;
      }
      case Stmt.Return r -> {
        return true;
      }
      case Stmt.FunDecl f -> {
        return false;
      }
      default -> { }
    }
    boolean loop = inLoop || n instanceof Stmt.For || n instanceof Stmt.While
        || n instanceof Stmt.DoWhile;
    for (Node child : AstChildren.of(n)) {
      if (leaves(child, loop)) {
        return true;
      }
    }
    return false;
  }

  /** The names the statement itself declares ({@code val x = ...}, {@code val (a, b) = ...}). */
  static List<String> declared(Stmt stmt) {
    return switch (stmt) {
      case Stmt.VarDecl v -> List.of(v.name().text());
      case Stmt.Destructure d -> d.names().stream().map(Ident::text)
          .filter(n -> !n.equals("_")).toList();
      default -> List.of();
    };
  }

  /** The variables assigned anywhere inside the statement ({@code x = ...}, {@code x += ...}). */
  static Set<String> assigned(Stmt stmt) {
    Set<String> out = new LinkedHashSet<>();
    collect(stmt, out);
    return out;
  }

  private static void collect(Node n, Set<String> out) {
    if (n instanceof Stmt.Assign a && a.target() instanceof Expr.Name name) {
      out.add(name.id());
    }
    AstChildren.forEach(n, c -> collect(c, out));
  }
}
