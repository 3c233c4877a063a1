package io.slipway.syntax;

import io.slipway.stack.DeepStack;

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
import java.util.List;

/**
 * An S-expression dump of the AST for golden tests and debugging:
 * {@code (call (name echo) (arg (str "hi")))}. A node that fits in {@value #WIDTH} characters
 * stays on one line; a larger one puts each child on its own indented line. Spans are not
 * printed. Recursion is safe because the parser caps AST depth ({@link SlipParser}).
 */
public final class AstPrinter {
  private static final int WIDTH = 80;

  private final StringBuilder out = new StringBuilder();
  private final boolean flat;
  private final int budget;
  private int indent;

  private AstPrinter(boolean flat, int budget) {
    this.flat = flat;
    this.budget = budget;
  }

  /** The S-expression of a node and everything below it, ending with a newline. */
  public static String toSexpr(Node node) {
    return DeepStack.call("slipway-ast-printer", () -> {
      var p = new AstPrinter(false, 0);
      p.node(node);
      return p.out.append('\n').toString();
    });
  }

  /** Thrown by a flat printer that ran over its budget. */
  private static final class TooWide extends RuntimeException {
    TooWide() {
      super(null, null, false, false);
    }
  }

  /** The node on one line, or null when it is longer than {@code budget}. */
  private static String flat(Node n, int budget) {
    var p = new AstPrinter(true, budget);
    try {
      p.node(n);
      return p.out.toString();
    } catch (TooWide e) {
      return null;
    }
  }

  private void node(Node n) {
    if (!flat) {
      String oneLine = flat(n, WIDTH - 2 * indent);
      if (oneLine != null) {
        newline();
        out.append(oneLine);
        return;
      }
    }
    render(n);
  }

  private void render(Node n) {
    switch (n) {
      case Program p -> open("program").all(p.items()).close();
      case Block b -> open("block").all(b.stmts()).close();
      case Arg a -> {
        String spread = a.spread() ? " *" : "";
        if (a.name() == null) {
          open("arg" + spread).child(a.value()).close();
        } else {
          open("arg " + a.name().text() + spread).child(a.value()).close();
        }
      }
      case TypeParam t -> open("type-param " + t.name().text()).child(t.bound()).close();
      case Param p -> open("param " + (p.vararg() ? "vararg " : "") + p.name().text()
          + (p.property() ? (p.mutable() ? " var" : " val") : ""))
          .child(p.type()).opt("default", p.defaultValue()).close();
      case Ident i -> leaf("ident " + i.text());
      case CatchClause c -> open("catch " + c.name().text()).child(c.type()).child(c.body()).close();
      case WhenBranch w -> {
        open(w.isElse() ? "else" : "branch").all(w.conditions()).child(w.body()).close();
      }
      case WhenCond.Value v -> open("cond").child(v.expr()).close();
      case WhenCond.Is i -> open(i.negated() ? "cond !is" : "cond is").child(i.type()).close();
      case WhenCond.In i -> open(i.negated() ? "cond !in" : "cond in").child(i.range()).close();
      case TemplatePart.Text t -> leaf("text " + quote(t.text()));
      case TemplatePart.Interpolation i -> open("interp").child(i.expr()).close();
      case TypeRef t -> type(t);
      case Stmt s -> stmt(s);
      case Expr e -> expr(e);
    }
  }

  private void type(TypeRef t) {
    switch (t) {
      case TypeRef.Named n -> {
        String head = "type " + n.name().text() + (n.nullable() ? "?" : "");
        if (n.args().isEmpty()) {
          leaf(head);
        } else {
          open(head).all(n.args()).close();
        }
      }
      case TypeRef.Function f -> open("fun-type" + (f.nullable() ? "?" : ""))
          .opt("receiver", f.receiver()).wrap("params", f.params()).opt("returns", f.result())
          .close();
      case TypeRef.Error e -> leaf("type-error");
    }
  }

  private void stmt(Stmt s) {
    switch (s) {
      case Stmt.Import i -> leaf("import " + quote(i.path()));
      case Stmt.ParamDecl p -> open("param-decl " + p.name().text()).child(p.type())
          .opt("default", p.defaultValue()).doc(p.doc()).close();
      case Stmt.FunDecl f -> open((f.getter() ? "get " : "fun ") + f.name().text()).all(f.typeParams())
          .opt("receiver", f.receiver()).all(f.params())
          .opt("returns", f.returnType()).child(f.body()).opt("=", f.exprBody()).doc(f.doc())
          .close();
      case Stmt.DataClass d -> {
        open(d.kind().name().toLowerCase(java.util.Locale.ROOT) + "-class " + d.name().text())
            .all(d.properties());
        for (Stmt.EnumEntry e : d.entries()) {
          open("entry " + e.name().text()).all(e.args()).close();
        }
        all(d.members()).doc(d.doc()).close();
      }
      case Stmt.TypeAlias t -> open("typealias " + t.name().text()).child(t.type()).close();
      case Stmt.VarDecl v -> open((v.mutable() ? "var " : "val ") + v.name().text())
          .child(v.type()).child(v.init()).close();
      case Stmt.Destructure d -> open((d.mutable() ? "var" : "val") + " ("
          + String.join(", ", d.names().stream().map(Ident::text).toList()) + ")")
          .child(d.init()).close();
      case Stmt.Assign a -> open("assign " + a.op().symbol()).child(a.target()).child(a.value())
          .close();
      case Stmt.ExprStmt e -> node(e.expr());
      case Stmt.For f -> open("for (" + String.join(", ", f.vars().stream().map(Ident::text)
          .toList()) + ")").child(f.iterable()).child(f.body()).close();
      case Stmt.While w -> open("while").child(w.condition()).child(w.body()).close();
      case Stmt.DoWhile d -> open("do-while").child(d.body()).child(d.condition()).close();
      case Stmt.Break b -> leaf(b.label() == null ? "break" : "break@" + b.label());
      case Stmt.Continue c -> leaf(c.label() == null ? "continue" : "continue@" + c.label());
      case Stmt.Return r -> {
        String head = r.label() == null ? "return" : "return@" + r.label();
        if (r.value() == null) {
          leaf(head);
        } else {
          open(head).child(r.value()).close();
        }
      }
      case Stmt.Labeled l -> open("label " + l.label().text()).child(l.loop()).close();
      case Stmt.Throw t -> open("throw").child(t.value()).close();
    }
  }

  private void expr(Expr e) {
    switch (e) {
      case Expr.IntLit i -> leaf("int " + i.value());
      case Expr.DoubleLit d -> leaf("double " + d.value());
      case Expr.BoolLit b -> leaf("bool " + b.value());
      case Expr.CharLit c -> leaf("char " + quote(String.valueOf(c.value())));
      case Expr.NullLit n -> leaf("null");
      case Expr.Name n -> leaf("name " + n.id());
      case Expr.Error err -> leaf("error");
      case Expr.Str s -> {
        if (s.parts().size() == 1 && s.parts().get(0) instanceof TemplatePart.Text t) {
          leaf((s.raw() ? "raw-str " : "str ") + quote(t.text()));
        } else {
          open(s.raw() ? "raw-str" : "str").all(s.parts()).close();
        }
      }
      case Expr.Member m -> open((m.safe() ? "?." : ".") + m.name().text()).child(m.target())
          .close();
      case Expr.CallableRef r -> {
        if (r.bound() != null) {
          open("bound-ref ::" + r.name().text()).child(r.bound()).close();
        } else {
          leaf("ref " + (r.receiver() == null ? "" : r.receiver().text()) + "::" + r.name().text());
        }
      }
      case Expr.Call c -> open("call").child(c.callee()).wrapNonEmpty("type-args", c.typeArgs()).all(c.args())
          .opt("trailing", c.trailing()).close();
      case Expr.Index i -> open("index").child(i.target()).child(i.index()).close();
      case Expr.Unary u -> open("unary " + u.op().symbol()).child(u.operand()).close();
      case Expr.NotNull n -> open("!!").child(n.operand()).close();
      case Expr.Binary b -> open(b.op().symbol()).child(b.left()).child(b.right()).close();
      case Expr.InfixCall i -> open("infix " + i.name().text()).child(i.left()).child(i.right())
          .close();
      case Expr.Is i -> open(i.negated() ? "!is" : "is").child(i.operand()).child(i.type())
          .close();
      case Expr.As a -> open(a.safe() ? "as?" : "as").child(a.operand()).child(a.type()).close();
      case Expr.Lambda l -> open((l.label() == null ? "" : l.label() + "@")
          + (l.arrow() ? "lambda ->" : "lambda")).all(l.params())
          .child(l.body()).close();
      case Expr.If i -> open("if").child(i.condition()).child(i.then()).opt("else", i.otherwise())
          .close();
      case Expr.When w -> open("when").opt("subject", w.subject()).all(w.branches()).close();
      case Expr.Try t -> open("try").child(t.body()).all(t.catches())
          .opt("finally", t.finallyBlock()).close();
      case Expr.BlockExpr b -> node(b.block());
    }
  }

  private AstPrinter open(String head) {
    newline();
    out.append('(').append(head);
    indent++;
    return this;
  }

  private void close() {
    indent--;
    out.append(')');
    if (flat && out.length() > budget) {
      throw new TooWide();
    }
  }

  private void leaf(String text) {
    newline();
    out.append('(').append(text).append(')');
    if (flat && out.length() > budget) {
      throw new TooWide();
    }
  }

  private void newline() {
    if (flat) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      if (out.length() > budget) {
        throw new TooWide();
      }
    } else if (!out.isEmpty()) {
      out.append('\n').append("  ".repeat(indent));
    }
  }

  private AstPrinter child(Node n) {
    if (n != null) {
      node(n);
    }
    return this;
  }

  private AstPrinter all(List<? extends Node> nodes) {
    nodes.forEach(this::node);
    return this;
  }

  private AstPrinter opt(String label, Node n) {
    if (n != null) {
      open(label).child(n).close();
    }
    return this;
  }

  private AstPrinter wrapNonEmpty(String label, List<? extends Node> nodes) {
    return nodes.isEmpty() ? this : wrap(label, nodes);
  }

  private AstPrinter wrap(String label, List<? extends Node> nodes) {
    open(label).all(nodes).close();
    return this;
  }

  private AstPrinter doc(String doc) {
    if (doc != null) {
      leaf("doc " + quote(doc));
    }
    return this;
  }

  private static String quote(String s) {
    var sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
