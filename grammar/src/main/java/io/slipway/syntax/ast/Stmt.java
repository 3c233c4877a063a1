package io.slipway.syntax.ast;

import io.slipway.source.Span;
import java.util.List;

/**
 * Statements, including declarations. {@code if}, {@code when} and {@code try} are expressions
 * and appear here wrapped in {@link ExprStmt}. Loop bodies written without braces are wrapped in
 * a {@link Block} by the builder. {@code x++} is built as {@code Assign(x, ADD, 1)}.
 */
public sealed interface Stmt extends Node {

  /** {@code import "lib/common.slip"}; {@code path} is the decoded string. */
  record Import(Span span, String path, Span pathSpan) implements Stmt {}

  /** {@code param name: Type = default}. {@code type} may be null (inferred from the default). */
  record ParamDecl(Span span, Ident name, TypeRef type, Expr defaultValue, String doc)
      implements Stmt {}

  /**
   * {@code fun <T> Recv.name(params): Ret = expr} or {@code fun name(params): Ret { ... }}: exactly
   * one of {@code body} and {@code exprBody} is non-null; {@code receiver} is the receiver type of
   * an extension function, else null. A {@code getter} is the {@code get()} of a property
   * ({@code val String.slug: String get() = ...}, or a {@code val} in a class body): it has no
   * parameters and is read, not called. {@code doc} is the preceding KDoc, or null.
   */
  record FunDecl(Span span, List<TypeParam> typeParams, TypeRef receiver, Ident name,
      List<Param> params, TypeRef returnType, Block body, Expr exprBody, String doc,
      boolean getter) implements Stmt {
    public FunDecl {
      typeParams = List.copyOf(typeParams);
      params = List.copyOf(params);
    }

    public FunDecl(Span span, List<TypeParam> typeParams, TypeRef receiver, Ident name,
        List<Param> params, TypeRef returnType, Block body, Expr exprBody, String doc) {
      this(span, typeParams, receiver, name, params, returnType, body, exprBody, doc, false);
    }

    /** A plain function: no type parameters, no receiver. */
    public FunDecl(Span span, Ident name, List<Param> params, TypeRef returnType, Block body,
        Expr exprBody, String doc) {
      this(span, List.of(), null, name, params, returnType, body, exprBody, doc, false);
    }
  }

  /**
   * A class: {@code data class Node(val name: String, val port: Int = 80) { members }},
   * {@code enum class Env(val host: String) { DEV("a"), PROD("b"); members }} or
   * {@code object Config { members }}. {@code members} are the body's functions and properties,
   * already turned into extension functions and getters ({@link FunDecl#getter}) of the class.
   * {@code state} are the body's properties with initializers ({@code val} and {@code var}):
   * each instance holds its own value, set from the initializer once when it is constructed (an
   * object's when it is first used); each also has a getter among {@code members}, which gives
   * the checker its type.
   */
  record DataClass(Span span, Ident name, List<Param> properties, String doc, Kind kind,
      List<EnumEntry> entries, List<FunDecl> members, List<VarDecl> state) implements Stmt {
    public DataClass {
      properties = List.copyOf(properties);
      entries = List.copyOf(entries);
      members = List.copyOf(members);
      state = List.copyOf(state);
    }

    public DataClass(Span span, Ident name, List<Param> properties, String doc, Kind kind,
        List<EnumEntry> entries, List<FunDecl> members) {
      this(span, name, properties, doc, kind, entries, members, List.of());
    }

    public DataClass(Span span, Ident name, List<Param> properties, String doc) {
      this(span, name, properties, doc, Kind.DATA, List.of(), List.of());
    }

    /** What kind of class this is. */
    public enum Kind { DATA, ENUM, OBJECT }
  }

  /** An entry of an enum class with its constructor arguments. */
  record EnumEntry(Span span, Ident name, List<Arg> args) {
    public EnumEntry {
      args = List.copyOf(args);
    }
  }

  /** {@code typealias Name = Type}. */
  record TypeAlias(Span span, Ident name, TypeRef type) implements Stmt {}

  /** {@code val x: T = init} / {@code var x = init}. */
  record VarDecl(Span span, boolean mutable, Ident name, TypeRef type, Expr init)
      implements Stmt {}

  /** {@code val (a, b) = pairOrDataObject}. */
  record Destructure(Span span, boolean mutable, List<Ident> names, Expr init) implements Stmt {
    public Destructure {
      names = List.copyOf(names);
    }
  }

  /** {@code target op value}; target is a Name, Member or Index. */
  record Assign(Span span, Expr target, AssignOp op, Expr value) implements Stmt {}

  record ExprStmt(Span span, Expr expr) implements Stmt {}

  /** {@code for (x in xs)} or {@code for ((k, v) in map)}. */
  record For(Span span, List<Ident> vars, Expr iterable, Block body) implements Stmt {
    public For {
      vars = List.copyOf(vars);
    }
  }

  record While(Span span, Expr condition, Block body) implements Stmt {}

  record DoWhile(Span span, Block body, Expr condition) implements Stmt {}

  /** {@code break}, or {@code break@label} ({@code label} null without one). */
  record Break(Span span, String label) implements Stmt {
    public Break(Span span) {
      this(span, null);
    }
  }

  /** {@code continue}, or {@code continue@label}. */
  record Continue(Span span, String label) implements Stmt {
    public Continue(Span span) {
      this(span, null);
    }
  }

  /**
   * {@code value} is null for a bare {@code return}; {@code label} is set for
   * {@code return@label} (a return from the lambda with that label).
   */
  record Return(Span span, Expr value, String label) implements Stmt {
    public Return(Span span, Expr value) {
      this(span, value, null);
    }
  }

  /** {@code outer@ for (...) ...}: a loop that {@code break@outer} / {@code continue@outer} name. */
  record Labeled(Span span, Ident label, Stmt loop) implements Stmt {}

  record Throw(Span span, Expr value) implements Stmt {}
}
