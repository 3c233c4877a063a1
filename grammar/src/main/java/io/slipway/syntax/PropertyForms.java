package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipParser.GetterContext;
import io.slipway.grammar.SlipParser.PropertyDeclContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.TypeRef;
import java.util.List;

/**
 * The property forms beyond {@code val x = e}: {@code const val} (a constant initializer),
 * extension properties ({@code val String.slug: String get() = ...}) and getters, which become
 * {@link Stmt.FunDecl}s with {@code getter} set; a top-level {@code val x get() = e} is
 * {@code val x = e}.
 */
final class PropertyForms {
  private PropertyForms() {}

  /** Whether {@code e} is what Kotlin accepts after {@code const val}: literals and names. */
  static boolean constant(Expr e) {
    return switch (e) {
      case null -> false;
      case Expr.IntLit i -> true;
      case Expr.DoubleLit d -> true;
      case Expr.BoolLit b -> true;
      case Expr.CharLit c -> true;
      case Expr.Error err -> true;
      case Expr.Name n -> true;
      case Expr.Str s -> s.parts().stream().allMatch(p -> p instanceof TemplatePart.Text
          || p instanceof TemplatePart.Interpolation in && constant(in.expr()));
      case Expr.Unary u -> constant(u.operand());
      case Expr.Binary b -> constant(b.left()) && constant(b.right());
      case Expr.Member m -> m.target() instanceof Expr.Name;
      default -> false;
    };
  }

  static Stmt getter(AstBuilder ast, Span span, PropertyDeclContext p, Ident name, TypeRef type,
      TypeRef receiver, Expr init) {
    GetterContext g = p.getter();
    if (g != null && !g.IDENT().getText().equals("get")) {
      ast.errors.add(Code.E0100, ast.spans.of(g.IDENT()), "expected `get()`", null, null, false);
    }
    if (p.VAR() != null) {
      ast.errors.add(Code.E0100, name.span(), "a `var` with a getter or receiver is not supported",
          "use `val`", null, false);
    }
    TypeRef ret = g != null && g.type() != null ? ast.types.type(g.type()) : type;
    Block body = null;
    Expr expr = init;
    if (g != null && g.functionBody() != null) {
      if (g.functionBody().block() != null) {
        body = ast.statements.declarations().block(g.functionBody().block());
      } else {
        expr = ast.expressions.expr(g.functionBody().expression());
      }
    }
    if (body == null && expr == null) {
      expr = new Expr.Error(span);
      if (!ast.damaged(p)) {
        ast.errors.add(Code.E0100, name.span(), "property `" + name.text() + "` has no value",
            "give it a getter: `get() = ...`", null, false);
      }
    }
    if (receiver == null) {
      if (body != null) {
        ast.errors.add(Code.E0100, name.span(), "a top-level getter with a block body is not"
            + " supported", "write `val " + name.text() + " = ...`", null, false);
        expr = new Expr.Error(span);
      }
      Stmt.VarDecl val = new Stmt.VarDecl(span, false, name, ret, expr);
      if (g != null) {
        ast.getterVals.add(val); // in a class body: read on every access
      }
      return val;
    }
    return new Stmt.FunDecl(span, List.of(), receiver, name, List.of(), ret, body,
        body == null ? expr : null, null, true);
  }
}
