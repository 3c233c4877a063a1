package io.slipway.check;

import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import java.util.List;

/**
 * A user function's signature. The return type of an expression-bodied function without a
 * declared one is inferred on first use ({@code state} guards against recursion).
 */
final class FunInfo {
  enum State { PENDING, INFERRING, DONE }

  final String name;
  final List<ParamSig> params;
  final Stmt.FunDecl decl;
  final SourceFile file;
  Type result;
  /** Type parameter names, in order, and each one's bound (absent when unbounded). */
  List<String> typeParams = List.of();
  java.util.Map<String, Type> bounds = java.util.Map.of();
  /** The receiver type of an extension function, else null. */
  Type receiver;
  State state;
  boolean bodyChecked;
  Scope scope;

  FunInfo(String name, List<ParamSig> params, Type result, Stmt.FunDecl decl, SourceFile file) {
    this.name = name;
    this.params = params;
    this.result = result;
    this.decl = decl;
    this.file = file;
    this.state = result == null ? State.PENDING : State.DONE;
  }

  /** The key under which the evaluator finds this extension function ({@code .name}). */
  static String extensionKey(String name) {
    return "." + name;
  }

  Type type() {
    return new Type.FnType(null, params.stream().map(ParamSig::type).toList(),
        result == null ? io.slipway.types.Types.ERROR : result);
  }
}
