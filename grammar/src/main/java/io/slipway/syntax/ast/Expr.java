package io.slipway.syntax.ast;

import io.slipway.source.Span;
import java.util.List;

/**
 * Expressions. Unit literals such as {@code 30.seconds} are plain {@link Member} accesses on a
 * number literal; the standard library declares {@code seconds} on {@code Int}.
 */
public sealed interface Expr extends Node {

  record IntLit(Span span, long value) implements Expr {}

  record DoubleLit(Span span, double value) implements Expr {}

  record BoolLit(Span span, boolean value) implements Expr {}

  /** {@code 'x'}: one UTF-16 character, escapes decoded. */
  record CharLit(Span span, char value) implements Expr {}

  record NullLit(Span span) implements Expr {}

  /**
   * A string literal with its parts. For raw strings ({@code """..."""}) the builder has already
   * applied Kotlin's {@code trimIndent()} to the literal text parts.
   */
  record Str(Span span, List<TemplatePart> parts, boolean raw) implements Expr {
    public Str {
      parts = List.copyOf(parts);
    }
  }

  record Name(Span span, String id) implements Expr {}

  /** {@code target.name} or, when {@code safe}, {@code target?.name}. */
  record Member(Span span, Expr target, Ident name, boolean safe) implements Expr {}

  /**
   * {@code callee(args) trailing}. A method call has a {@link Member} callee. {@code trailing}
   * is the trailing lambda, or null.
   */
  record Call(Span span, Expr callee, List<Arg> args, Lambda trailing, List<TypeRef> typeArgs,
      Resolution resolution) implements Expr {
    public Call {
      args = List.copyOf(args);
      typeArgs = List.copyOf(typeArgs);
      if (resolution == null) {
        resolution = new Resolution();
      }
    }

    /** A call with explicit type arguments ({@code emptyList<String>()}). */
    public Call(Span span, Expr callee, List<Arg> args, Lambda trailing, List<TypeRef> typeArgs) {
      this(span, callee, args, trailing, typeArgs, new Resolution());
    }

    /** A call without explicit type arguments. */
    public Call(Span span, Expr callee, List<Arg> args, Lambda trailing) {
      this(span, callee, args, trailing, List.of());
    }
  }

  /**
   * A callable reference: {@code ::slug} ({@code receiver} and {@code bound} null),
   * {@code String::length} ({@code receiver} a type or value name, the checker decides which),
   * or a reference bound to the value of an expression, {@code "abc"::startsWith} or
   * {@code this::f} ({@code bound} that expression, {@code receiver} null).
   */
  record CallableRef(Span span, Ident receiver, Ident name, Expr bound) implements Expr {
    /** An unbound reference, {@code ::slug} or {@code Type::member}. */
    public CallableRef(Span span, Ident receiver, Ident name) {
      this(span, receiver, name, null);
    }
  }

  record Index(Span span, Expr target, Expr index) implements Expr {}

  record Unary(Span span, UnaryOp op, Expr operand) implements Expr {}

  /** {@code expr!!}. */
  record NotNull(Span span, Expr operand) implements Expr {}

  record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {}

  /** An infix function call other than {@code to}: {@code 1 until 10}, {@code 10 downTo 1}. */
  record InfixCall(Span span, Expr left, Ident name, Expr right) implements Expr {}

  /** {@code x is T} / {@code x !is T}. */
  record Is(Span span, Expr operand, TypeRef type, boolean negated) implements Expr {}

  /** {@code x as T} / {@code x as? T}. */
  record As(Span span, Expr operand, TypeRef type, boolean safe) implements Expr {}

  /**
   * {@code { a, b -> body }}. {@code params} is empty and {@code arrow} false for {@code { body }},
   * where a single argument is bound to {@code it}. {@code label} is the explicit label of
   * {@code lit@{ ... }}, else null (the checker and interpreter then use the called function's
   * name, as Kotlin does for {@code return@forEach}).
   */
  record Lambda(Span span, List<Param> params, boolean arrow, Block body, String label)
      implements Expr {
    public Lambda {
      params = List.copyOf(params);
    }

    public Lambda(Span span, List<Param> params, boolean arrow, Block body) {
      this(span, params, arrow, body, null);
    }

    /** This lambda with an explicit label ({@code lit@{ ... }}). */
    public Lambda labeled(String name) {
      return new Lambda(span, params, arrow, body, name);
    }
  }

  /** {@code otherwise} is null without an else branch. Branches are often {@link BlockExpr}. */
  record If(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {}

  /** {@code subject} is null for a subject-less {@code when}. */
  record When(Span span, Expr subject, List<WhenBranch> branches) implements Expr {
    public When {
      branches = List.copyOf(branches);
    }
  }

  /** {@code finallyBlock} is null without one. */
  record Try(Span span, Block body, List<CatchClause> catches, Block finallyBlock)
      implements Expr {
    public Try {
      catches = List.copyOf(catches);
    }
  }

  /** A braced block used as a branch of {@code if}/{@code when}. */
  record BlockExpr(Span span, Block block) implements Expr {}

  /** Produced by error recovery; checked as the error type, never reported twice. */
  record Error(Span span) implements Expr {}
}
