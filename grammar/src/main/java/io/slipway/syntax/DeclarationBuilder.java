package io.slipway.syntax;

import io.slipway.diag.Code;
import io.slipway.grammar.SlipParser.BlockContext;
import io.slipway.grammar.SlipParser.ClassParameterContext;
import io.slipway.grammar.SlipParser.DataClassDeclContext;
import io.slipway.grammar.SlipParser.DeclNameContext;
import io.slipway.grammar.SlipParser.EnumBodyContext;
import io.slipway.grammar.SlipParser.EnumClassDeclContext;
import io.slipway.grammar.SlipParser.EnumEntryContext;
import io.slipway.grammar.SlipParser.ModifiedDeclContext;
import io.slipway.grammar.SlipParser.ObjectDeclContext;
import io.slipway.grammar.SlipParser.UnsupportedClassDeclContext;
import io.slipway.grammar.SlipParser.StatementsContext;
import io.slipway.grammar.SlipParser.TypeAliasDeclContext;
import io.slipway.grammar.SlipParser.FunDeclContext;
import io.slipway.grammar.SlipParser.FunctionValueParameterContext;
import io.slipway.grammar.SlipParser.ImportDeclContext;
import io.slipway.grammar.SlipParser.ParamDeclContext;
import io.slipway.grammar.SlipParser.ReceiverTypeContext;
import io.slipway.grammar.SlipParser.TypeParameterContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.TypeParam;
import io.slipway.syntax.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;

/** import, param, fun and data class declarations; names; braced blocks. */
final class DeclarationBuilder {
  private final AstBuilder ast;
  private final DocComments docs;

  DeclarationBuilder(AstBuilder ast) {
    this.ast = ast;
    this.docs = new DocComments(ast.tokens);
  }

  Stmt declaration(ParseTree child, Span span) {
    return switch (child) {
      case ImportDeclContext i -> importDecl(span, i);
      case ParamDeclContext p -> paramDecl(span, p);
      case FunDeclContext f -> funDecl(span, f);
      case DataClassDeclContext d -> dataClass(span, d);
      case EnumClassDeclContext e -> enumClass(span, e);
      case ObjectDeclContext o -> objectDecl(span, o);
      case TypeAliasDeclContext t -> typeAlias(span, t);
      case ModifiedDeclContext m -> Unsupported.modified(ast, this, span, m);
      case UnsupportedClassDeclContext u -> unsupportedClass(span, u, true);
      default -> new Stmt.ExprStmt(span, new Expr.Error(span));
    };
  }

  /** A declared name; a keyword is reported (E0106) but still used, so checking goes on. */
  Ident name(DeclNameContext ctx) {
    if (ctx == null || ctx.getStart() == null || ctx.getStart().getTokenIndex() < 0
        || ctx.getChildCount() == 0) {
      return null;
    }
    Ident id = ast.ident(ctx.getStart());
    if (ctx.IDENT() == null) {
      ast.errors.add(Code.E0106, id.span(),
          "`" + id.text() + "` is a keyword and cannot be used as a name");
    }
    return id;
  }

  Block block(BlockContext ctx) {
    if (ctx == null) {
      return new Block(Span.NONE, List.of());
    }
    return new Block(ast.spans.of(ctx), ast.statements.statements(ctx.statements()));
  }

  private Stmt importDecl(Span span, ImportDeclContext i) {
    if (i.stringLiteral() == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    Expr path = ast.strings.string(i.stringLiteral());
    Span pathSpan = ast.spans.of(i.stringLiteral());
    if (!(path instanceof Expr.Str s) || s.parts().stream()
        .anyMatch(p -> p instanceof TemplatePart.Interpolation)) {
      if (path instanceof Expr.Str) {
        ast.errors.add(Code.E0100, pathSpan, "an import path cannot contain templates");
      }
      return new Stmt.Import(span, "", pathSpan);
    }
    var text = new StringBuilder();
    for (TemplatePart p : s.parts()) {
      text.append(((TemplatePart.Text) p).text());
    }
    return new Stmt.Import(span, text.toString(), pathSpan);
  }

  private Stmt paramDecl(Span span, ParamDeclContext p) {
    Ident name = name(p.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    return new Stmt.ParamDecl(span, name, p.type() == null ? null : ast.types.type(p.type()),
        p.expression() != null ? ast.expressions.expr(p.expression())
            : p.ASSIGN() != null || p.exception != null ? new Expr.Error(span) : null,
        docs.before(p.getStart()));
  }

  private Stmt funDecl(Span span, FunDeclContext f) {
    Ident name = name(f.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    List<Param> params = new ArrayList<>();
    if (f.functionValueParameters() != null) {
      for (FunctionValueParameterContext p : f.functionValueParameters().functionValueParameter()) {
        Param param = parameter(p, p.declName(), p.type(), p.expression(), false, false);
        if (param != null && p.modifier != null) {
          if (p.modifier.getText().equals("vararg")) {
            param = new Param(param.span(), param.name(), param.type(), param.defaultValue(),
                false, false, true);
          } else {
            ast.errors.add(Code.E0100, ast.spans.of(p.modifier), "unexpected `"
                + p.modifier.getText() + "` before parameter `" + param.name().text() + "`",
                "the only parameter modifier is `vararg`", null, false);
          }
        }
        if (param != null) {
          params.add(param);
        }
      }
    }
    List<TypeParam> typeParams = new ArrayList<>();
    if (f.typeParameters() != null) {
      for (TypeParameterContext t : f.typeParameters().typeParameter()) {
        Ident tn = ast.ident(t.IDENT());
        if (tn != null) {
          typeParams.add(new TypeParam(ast.spans.of(t), tn,
              t.type() == null ? null : ast.types.type(t.type())));
        }
      }
    }
    TypeRef receiver = f.receiverType() == null ? null : ast.types.receiver(f.receiverType());
    TypeRef ret = f.type() == null ? null : ast.types.type(f.type());
    String doc = docs.before(f.getStart());
    var body = f.functionBody();
    if (body == null) {
      if (!ast.damaged(f)) {
        ast.errors.add(Code.E0100, name.span(), "function `" + name.text() + "` has no body",
          "add `= expression` or a block `{ ... }`", null, false);
      }
      return new Stmt.FunDecl(span, typeParams, receiver, name, params, ret,
          new Block(span, List.of()), null, doc);
    }
    if (body.block() != null) {
      return new Stmt.FunDecl(span, typeParams, receiver, name, params, ret,
          block(body.block()), null, doc);
    }
    return new Stmt.FunDecl(span, typeParams, receiver, name, params, ret, null,
        ast.expressions.expr(body.expression()), doc);
  }


  private Stmt dataClass(Span span, DataClassDeclContext d) {
    Ident name = name(d.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    List<Param> props = new ArrayList<>();
    for (ClassParameterContext c : d.classParameter()) {
      Param p = parameter(c, c.declName(), c.type(), c.expression(),
          c.VAL() != null || c.VAR() != null, c.VAR() != null);
      if (p != null) {
        props.add(p);
      }
    }
    if (!d.supertype().isEmpty()) {
      Unsupported.supertypes(ast, d.supertype());
    }
    List<Stmt.VarDecl> state = new ArrayList<>();
    List<Stmt.FunDecl> members = d.classBody() == null ? List.of()
        : members(name, d.classBody().statements(), state, true);
    return new Stmt.DataClass(span, name, props, docs.before(d.getStart()), Stmt.DataClass.Kind.DATA,
        List.of(), members, state);
  }

  /**
   * {@code class X(...)}, {@code interface X}: reported once (unless a modifier before it was),
   * then treated as a data class so that its uses check without further errors.
   */
  Stmt unsupportedClass(Span span, UnsupportedClassDeclContext u, boolean report) {
    Ident name = name(u.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    if (report) {
      boolean iface = u.INTERFACE() != null;
      ast.errors.add(Code.E0100, ast.spans.of(u.getStart()),
          iface ? "`interface` is not supported yet" : "a `class` without `data` is not supported yet",
          iface ? "use a function type such as `(String) -> Int`, or a `data class`"
              : "write `data class " + name.text() + "(val ...)`", null, false);
    }
    // supertypes (`: Shape()`) are not reported again: the class already was, or its modifier
    List<Param> props = new ArrayList<>();
    for (ClassParameterContext c : u.classParameter()) {
      Param p = parameter(c, c.declName(), c.type(), c.expression(),
          c.VAL() != null || c.VAR() != null, c.VAR() != null);
      if (p != null) {
        props.add(p);
      }
    }
    List<Stmt.VarDecl> state = new ArrayList<>();
    List<Stmt.FunDecl> members = u.classBody() == null ? List.of()
        : members(name, u.classBody().statements(), state, true);
    return new Stmt.DataClass(span, name, props, docs.before(u.getStart()), Stmt.DataClass.Kind.DATA,
        List.of(), members, state);
  }

  private Stmt enumClass(Span span, EnumClassDeclContext e) {
    Ident name = name(e.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    List<Param> props = new ArrayList<>();
    for (ClassParameterContext c : e.classParameter()) {
      Param p = parameter(c, c.declName(), c.type(), c.expression(),
          c.VAL() != null || c.VAR() != null, c.VAR() != null);
      if (p != null) {
        props.add(p);
      }
    }
    List<Stmt.EnumEntry> entries = new ArrayList<>();
    EnumBodyContext body = e.enumBody();
    if (body != null) {
      for (EnumEntryContext en : body.enumEntry()) {
        Ident n = ast.ident(en.IDENT());
        if (n != null) {
          entries.add(new Stmt.EnumEntry(ast.spans.of(en), n,
              en.valueArguments() == null ? List.of() : ast.expressions.postfix().arguments(en.valueArguments())));
        }
      }
    }
    List<Stmt.VarDecl> state = new ArrayList<>();
    List<Stmt.FunDecl> members = body == null || body.statements() == null ? List.of()
        : members(name, body.statements(), state, false);
    return new Stmt.DataClass(span, name, props, docs.before(e.getStart()), Stmt.DataClass.Kind.ENUM,
        entries, members, state);
  }

  private Stmt objectDecl(Span span, ObjectDeclContext o) {
    Ident name = name(o.declName());
    if (name == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    List<Stmt.VarDecl> state = new ArrayList<>();
    List<Stmt.FunDecl> members = members(name, o.classBody().statements(), state, true);
    return new Stmt.DataClass(span, name, List.of(), docs.before(o.getStart()),
        Stmt.DataClass.Kind.OBJECT, List.of(), members, state);
  }

  private Stmt typeAlias(Span span, TypeAliasDeclContext t) {
    Ident name = name(t.declName());
    if (name == null || t.type() == null) {
      return new Stmt.ExprStmt(span, new Expr.Error(span));
    }
    return new Stmt.TypeAlias(span, name, ast.types.type(t.type()));
  }

  /**
   * A class body's declarations as members of class {@code owner}: functions become extension
   * functions of it; a {@code val} or {@code var} with an initializer becomes a getter (which
   * gives the checker its type) and is added to {@code state}, the properties each instance
   * stores: as in Kotlin, the initializer runs once, when the instance is made, not on every
   * read. {@code varsAllowed} is false for enum classes, whose entries are constants. Anything
   * else is reported once (E0100).
   */
  private List<Stmt.FunDecl> members(Ident owner, StatementsContext body, List<Stmt.VarDecl> state,
      boolean varsAllowed) {
    TypeRef self = new TypeRef.Named(owner.span(), owner, List.of(), false);
    List<Stmt.FunDecl> out = new ArrayList<>();
    for (Stmt s : ast.statements.statements(body)) {
      switch (s) {
        case Stmt.FunDecl f when f.receiver() == null -> out.add(new Stmt.FunDecl(f.span(),
            f.typeParams(), self, f.name(), f.params(), f.returnType(), f.body(), f.exprBody(),
            f.doc(), f.getter()));
        case Stmt.VarDecl v when ast.getterVals.contains(v) -> out.add(new Stmt.FunDecl(v.span(),
            List.of(), self, v.name(), List.of(), v.type(), null, v.init(), null, true));
        case Stmt.VarDecl v when v.mutable() && !varsAllowed -> ast.errors.add(Code.E0100,
            v.name().span(), "`var` in the body of an enum class is not supported yet",
            "enum entries are constants: keep changing state in a `data class` or an `object`",
            null, false);
        case Stmt.VarDecl v when v.init() != null -> {
          state.add(v);
          out.add(new Stmt.FunDecl(v.span(), List.of(), self, v.name(), List.of(), v.type(), null,
              v.init(), null, true));
        }
        case Stmt.VarDecl v -> ast.errors.add(Code.E0100,
            v.name().span(), "property `" + v.name().text() + "` must be initialized",
            "give it a value: `" + (v.mutable() ? "var " : "val ") + v.name().text() + " = ...`",
            null, false);
        case Stmt.ExprStmt e when e.expr() instanceof Expr.Error -> { }
        default -> ast.errors.add(Code.E0100, s.span(),
            "a class body may only declare functions (`fun`) and properties (`val`, `var`)");
      }
    }
    return out;
  }

  private Param parameter(ParserRuleContext whole, DeclNameContext nameCtx,
      io.slipway.grammar.SlipParser.TypeContext typeCtx,
      io.slipway.grammar.SlipParser.ExpressionContext defaultCtx, boolean property,
      boolean mutable) {
    Span span = ast.spans.of(whole);
    Ident name = name(nameCtx);
    if (name == null) {
      return null;
    }
    TypeRef type;
    if (typeCtx == null) {
      if (!ast.damaged(whole)) {
        ast.errors.add(Code.E0100, name.span(), "parameter `" + name.text() + "` needs a type",
            "write `" + name.text() + ": Type`", null, false);
      }
      type = new TypeRef.Error(name.span());
    } else {
      type = ast.types.type(typeCtx);
    }
    Expr def = defaultCtx == null ? null : ast.expressions.expr(defaultCtx);
    return new Param(span, name, type, def, property, mutable);
  }
}
