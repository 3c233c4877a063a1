package io.slipway.syntax;

import io.slipway.grammar.SlipParser.FunctionTypeContext;
import io.slipway.grammar.SlipParser.FunctionTypeParameterContext;
import io.slipway.grammar.SlipParser.NamedTypeContext;
import io.slipway.grammar.SlipParser.ParenthesizedTypeContext;
import io.slipway.grammar.SlipParser.ReceiverTypeContext;
import io.slipway.grammar.SlipParser.SimpleUserTypeContext;
import io.slipway.grammar.SlipParser.TypeContext;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.TypeRef;
import java.util.ArrayList;
import java.util.List;

/** Types as written: {@code List<Int>}, {@code String?}, {@code (Int) -> Bool}, {@code R.() -> Unit}. */
final class TypeBuilder {
  private final AstBuilder ast;

  TypeBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  TypeRef type(TypeContext ctx) {
    if (ctx == null) {
      return new TypeRef.Error(Span.NONE);
    }
    Span span = ast.spans.of(ctx);
    return switch (ctx) {
      case NamedTypeContext n -> named(span, n.simpleUserType(), n.QUEST() != null);
      case ParenthesizedTypeContext p -> {
        TypeRef inner = type(p.type());
        yield p.QUEST() != null ? nullable(span, inner) : inner;
      }
      case FunctionTypeContext f -> function(span, f);
      default -> new TypeRef.Error(span);
    };
  }

  private TypeRef named(Span span, SimpleUserTypeContext ctx, boolean nullable) {
    if (ctx == null) {
      return new TypeRef.Error(span);
    }
    Ident name = ast.ident(ctx.IDENT(0));
    if (name == null) {
      return new TypeRef.Error(span);
    }
    Ident nested = ctx.IDENT().size() > 1 ? ast.ident(ctx.IDENT(1)) : null;
    if (nested != null) {
      name = new Ident(ast.spans.between(name.span(), nested.span()), name.text() + "." + nested.text());
    }
    List<TypeRef> args = new ArrayList<>();
    for (TypeContext t : ctx.type()) {
      args.add(type(t));
    }
    return new TypeRef.Named(span, name, args, nullable);
  }

  private TypeRef function(Span span, FunctionTypeContext f) {
    TypeRef receiver = f.receiverType() == null ? null : receiver(f.receiverType());
    List<TypeRef> params = new ArrayList<>();
    if (f.functionTypeParameters() != null) {
      for (FunctionTypeParameterContext p : f.functionTypeParameters().functionTypeParameter()) {
        params.add(type(p.type()));
      }
    }
    return new TypeRef.Function(span, receiver, params, type(f.type()), false);
  }

  TypeRef receiver(ReceiverTypeContext r) {
    Span span = ast.spans.of(r);
    if (r.simpleUserType() != null) {
      return named(span, r.simpleUserType(), r.QUEST() != null);
    }
    TypeRef inner = type(r.type());
    return r.QUEST() != null ? nullable(span, inner) : inner;
  }

  private static TypeRef nullable(Span span, TypeRef t) {
    return switch (t) {
      case TypeRef.Named n -> new TypeRef.Named(span, n.name(), n.args(), true);
      case TypeRef.Function f -> new TypeRef.Function(span, f.receiver(), f.params(), f.result(),
          true);
      case TypeRef.Error e -> e;
    };
  }
}
