package io.slipway.syntax;

import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The direct children of every node kind, in source order (nulls left out). */
final class AstChildren {
  private AstChildren() {}

  /** Calls {@code sink} with each direct child, without allocating a list. */
  static void forEach(Node node, Consumer<Node> sink) {
    for (Node child : of(node)) {
      sink.accept(child);
    }
  }

  static List<Node> of(Node node) {
    return switch (node) {
      case Program p -> new ArrayList<>(p.items());
      case Block b -> new ArrayList<>(b.stmts());
      case Arg a -> list(a.name(), a.value());
      case Param p -> list(p.name(), p.type(), p.defaultValue());
      case Ident i -> List.of();
      case CatchClause c -> list(c.name(), c.type(), c.body());
      case WhenBranch w -> concat(w.conditions(), w.body());
      case WhenCond.Value v -> list(v.expr());
      case WhenCond.Is i -> list(i.type());
      case WhenCond.In i -> list(i.range());
      case TemplatePart.Text t -> List.of();
      case TemplatePart.Interpolation i -> list(i.expr());
      case TypeRef t -> type(t);
      case Stmt s -> stmt(s);
      case Expr e -> expr(e);
    };
  }

  private static List<Node> type(TypeRef t) {
    return switch (t) {
      case TypeRef.Named n -> concat(List.of(n.name()), n.args().toArray(Node[]::new));
      case TypeRef.Function f -> {
        List<Node> out = list(f.receiver());
        out.addAll(f.params());
        out.add(f.result());
        yield out;
      }
      case TypeRef.Error e -> List.of();
    };
  }

  private static List<Node> stmt(Stmt s) {
    return switch (s) {
      case Stmt.Import i -> List.of();
      case Stmt.ParamDecl p -> list(p.name(), p.type(), p.defaultValue());
      case Stmt.FunDecl f -> {
        List<Node> out = list(f.name());
        out.addAll(f.params());
        out.addAll(list(f.returnType(), f.body(), f.exprBody()));
        yield out;
      }
      case Stmt.DataClass d -> concat(List.of(d.name()), d.properties().toArray(Node[]::new));
      case Stmt.VarDecl v -> list(v.name(), v.type(), v.init());
      case Stmt.Destructure d -> concat(d.names(), d.init());
      case Stmt.Assign a -> list(a.target(), a.value());
      case Stmt.ExprStmt e -> list(e.expr());
      case Stmt.For f -> {
        List<Node> out = new ArrayList<>(f.vars());
        out.addAll(list(f.iterable(), f.body()));
        yield out;
      }
      case Stmt.While w -> list(w.condition(), w.body());
      case Stmt.DoWhile d -> list(d.body(), d.condition());
      case Stmt.Break b -> List.of();
      case Stmt.Continue c -> List.of();
      case Stmt.Return r -> list(r.value());
      case Stmt.Throw t -> list(t.value());
    };
  }

  private static List<Node> expr(Expr e) {
    return switch (e) {
      case Expr.IntLit i -> List.of();
      case Expr.DoubleLit d -> List.of();
      case Expr.BoolLit b -> List.of();
      case Expr.NullLit n -> List.of();
      case Expr.Name n -> List.of();
      case Expr.Error err -> List.of();
      case Expr.Str s -> new ArrayList<>(s.parts());
      case Expr.Member m -> list(m.target(), m.name());
      case Expr.Call c -> {
        List<Node> out = list(c.callee());
        out.addAll(c.args());
        out.addAll(list(c.trailing()));
        yield out;
      }
      case Expr.Index i -> list(i.target(), i.index());
      case Expr.Unary u -> list(u.operand());
      case Expr.NotNull n -> list(n.operand());
      case Expr.Binary b -> list(b.left(), b.right());
      case Expr.InfixCall i -> list(i.left(), i.name(), i.right());
      case Expr.Is i -> list(i.operand(), i.type());
      case Expr.As a -> list(a.operand(), a.type());
      case Expr.Lambda l -> concat(l.params(), l.body());
      case Expr.If i -> list(i.condition(), i.then(), i.otherwise());
      case Expr.When w -> concat(list(w.subject()), w.branches().toArray(Node[]::new));
      case Expr.Try t -> {
        List<Node> out = list(t.body());
        out.addAll(t.catches());
        out.addAll(list(t.finallyBlock()));
        yield out;
      }
      case Expr.BlockExpr b -> list(b.block());
    };
  }

  private static List<Node> list(Node... nodes) {
    List<Node> out = new ArrayList<>(nodes.length);
    for (Node n : nodes) {
      if (n != null) {
        out.add(n);
      }
    }
    return out;
  }

  private static List<Node> concat(List<? extends Node> first, Node... rest) {
    List<Node> out = new ArrayList<>(first);
    Arrays.stream(rest).filter(Objects::nonNull).forEach(out::add);
    return out;
  }
}
