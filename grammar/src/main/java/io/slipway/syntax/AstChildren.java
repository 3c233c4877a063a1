package io.slipway.syntax;

import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Node;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.TypeParam;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The direct children of every node kind, in source order (nulls left out). The switches have
 * no default branch, so a new node kind does not compile until it is listed here.
 */
public final class AstChildren {
  private final Consumer<Node> sink;

  private AstChildren(Consumer<Node> sink) {
    this.sink = sink;
  }

  /** Calls {@code sink} with each direct child, without allocating a list. */
  public static void forEach(Node node, Consumer<Node> sink) {
    new AstChildren(sink).visit(node);
  }

  /** The direct children of {@code node}, in source order. */
  public static List<Node> of(Node node) {
    List<Node> out = new ArrayList<>();
    forEach(node, out::add);
    return out;
  }

  private void visit(Node node) {
    switch (node) {
      case Program p -> all(p.items());
      case Block b -> all(b.stmts());
      case Arg a -> add(a.name(), a.value());
      case Param p -> add(p.name(), p.type(), p.defaultValue());
      case TypeParam t -> add(t.name(), t.bound());
      case Ident i -> { }
      case CatchClause c -> add(c.name(), c.type(), c.body());
      case WhenBranch w -> {
        all(w.conditions());
        add(w.body());
      }
      case WhenCond.Value v -> add(v.expr());
      case WhenCond.Is i -> add(i.type());
      case WhenCond.In i -> add(i.range());
      case TemplatePart.Text t -> { }
      case TemplatePart.Interpolation i -> add(i.expr());
      case TypeRef t -> type(t);
      case Stmt s -> stmt(s);
      case Expr e -> expr(e);
    }
  }

  private void type(TypeRef t) {
    switch (t) {
      case TypeRef.Named n -> {
        add(n.name());
        all(n.args());
      }
      case TypeRef.Function f -> {
        add(f.receiver());
        all(f.params());
        add(f.result());
      }
      case TypeRef.Error e -> { }
    }
  }

  private void stmt(Stmt s) {
    switch (s) {
      case Stmt.Import i -> { }
      case Stmt.ParamDecl p -> add(p.name(), p.type(), p.defaultValue());
      case Stmt.FunDecl f -> {
        all(f.typeParams());
        add(f.receiver());
        add(f.name());
        all(f.params());
        add(f.returnType(), f.body(), f.exprBody());
      }
      case Stmt.DataClass d -> {
        add(d.name());
        all(d.properties());
        for (Stmt.EnumEntry e : d.entries()) {
          all(e.args());
        }
        all(d.members());
      }
      case Stmt.TypeAlias t -> add(t.name(), t.type());
      case Stmt.VarDecl v -> add(v.name(), v.type(), v.init());
      case Stmt.Destructure d -> {
        all(d.names());
        add(d.init());
      }
      case Stmt.Assign a -> add(a.target(), a.value());
      case Stmt.ExprStmt e -> add(e.expr());
      case Stmt.For f -> {
        all(f.vars());
        add(f.iterable(), f.body());
      }
      case Stmt.While w -> add(w.condition(), w.body());
      case Stmt.DoWhile d -> add(d.body(), d.condition());
      case Stmt.Break b -> { }
      case Stmt.Continue c -> { }
      case Stmt.Return r -> add(r.value());
      case Stmt.Labeled l -> add(l.label(), l.loop());
      case Stmt.Throw t -> add(t.value());
    }
  }

  private void expr(Expr e) {
    switch (e) {
      case Expr.IntLit i -> { }
      case Expr.DoubleLit d -> { }
      case Expr.BoolLit b -> { }
      case Expr.CharLit c -> { }
      case Expr.NullLit n -> { }
      case Expr.Name n -> { }
      case Expr.Error err -> { }
      case Expr.Str s -> all(s.parts());
      case Expr.Member m -> add(m.target(), m.name());
      case Expr.CallableRef r -> {
        add(r.bound());
        add(r.receiver(), r.name());
      }
      case Expr.Call c -> {
        add(c.callee());
        all(c.typeArgs());
        all(c.args());
        add(c.trailing());
      }
      case Expr.Index i -> add(i.target(), i.index());
      case Expr.Unary u -> add(u.operand());
      case Expr.NotNull n -> add(n.operand());
      case Expr.Binary b -> add(b.left(), b.right());
      case Expr.InfixCall i -> add(i.left(), i.name(), i.right());
      case Expr.Is i -> add(i.operand(), i.type());
      case Expr.As a -> add(a.operand(), a.type());
      case Expr.Lambda l -> {
        all(l.params());
        add(l.body());
      }
      case Expr.If i -> add(i.condition(), i.then(), i.otherwise());
      case Expr.When w -> {
        add(w.subject());
        all(w.branches());
      }
      case Expr.Try t -> {
        add(t.body());
        all(t.catches());
        add(t.finallyBlock());
      }
      case Expr.BlockExpr b -> add(b.block());
    }
  }

  private void add(Node n) {
    if (n != null) {
      sink.accept(n);
    }
  }

  private void add(Node a, Node b) {
    add(a);
    add(b);
  }

  private void add(Node a, Node b, Node c) {
    add(a);
    add(b);
    add(c);
  }

  private void all(List<? extends Node> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      add(nodes.get(i));
    }
  }
}
