package io.slipway.check;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Diagnostics;
import io.slipway.diag.Label;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** State shared by the parts of one {@link Checker#check} run. */
final class Ctx {
  final BuiltinRegistry registry;
  final Subtyping sub;
  /** Where diagnostics go; a {@link CheckSession} points it at each snippet's sink. */
  Diagnostics out;
  final TypeTable types;
  final Map<String, DataClassInfo> dataClasses = new LinkedHashMap<>();
  final Map<String, ParamInfo> params = new LinkedHashMap<>();
  final Set<String> secretNames = new TreeSet<>();
  /** Names of {@code secret(..)} calls that are computed, as far as the checker proves them. */
  final java.util.List<SecretName> computedSecretNames = new java.util.ArrayList<>();
  /** The initializer of each {@code val} (by its declared symbol), for {@link SecretNames}. */
  final Map<Symbol, SecretNames.Source> valSources = new IdentityHashMap<>();
  /** The values expression of each matrix axis variable, for {@link SecretNames}. */
  final Map<Symbol, SecretNames.Source> matrixValues = new IdentityHashMap<>();
  /** Top-level {@code pipeline(...)} calls that are in an allowed place. */
  final Set<Expr.Call> allowedPipelines = Collections.newSetFromMap(new IdentityHashMap<>());
  /** String arguments of {@code sh}/{@code exec}/{@code run} calls: shell code ({@link ShellHints}). */
  final Set<Expr.Str> shellStrings = Collections.newSetFromMap(new IdentityHashMap<>());
  /** The shell string whose interpolations are being checked, or null. */
  Expr.Str shellString;
  /** Extension functions by name (every file's: Kotlin imports them with the file). */
  final Map<String, java.util.List<FunInfo>> extensions = new java.util.HashMap<>();
  /** Getters of extension properties and class-body {@code val}s, by name. */
  final Map<String, java.util.List<FunInfo>> getters = new java.util.HashMap<>();
  /** {@code typealias} names and what they stand for. */
  final Map<String, Type> aliases = new java.util.HashMap<>();
  /** Type parameters of the function body being checked, as opaque types, with their bounds. */
  Map<String, Type> rigidBounds = Map.of();
  /** The function the lambda about to be checked is passed to, and whether it runs it inline. */
  String lambdaCallee;
  boolean lambdaInline;
  /** Spread arguments ({@code *list}) of the calls checked so far. */
  final Set<Expr> spreads = Collections.newSetFromMap(new IdentityHashMap<>());
  SourceFile file;
  /** The implicit receiver of snippets checked at a breakpoint inside a DSL block, or null. */
  Type snippetReceiver;
  /** Set once a condition narrows a property path; until then member accesses skip the lookup. */
  boolean pathCasts;
  PipelineRules stages;
  ExprChecker exprs;
  StmtChecker stmts;
  CallChecker calls;
  TypeResolver typeRefs;

  Ctx(BuiltinRegistry registry, Diagnostics out, int sourceLength) {
    // roughly one expression per six characters of source: avoids rehashing a big table
    this.types = new TypeTable(sourceLength / 6);
    this.registry = registry;
    this.sub = new Subtyping(registry);
    this.out = out;
  }

  Diagnostic error(Code code, Span span, String message) {
    return Diagnostic.error(code, file, span, message);
  }

  void report(Code code, Span span, String message) {
    out.add(error(code, span, message));
  }

  void report(Code code, Span span, String message, String hint) {
    out.add(error(code, span, message).withHint(hint));
  }

  void warn(Code code, Span span, String message, String hint) {
    out.add(Diagnostic.warning(code, file, span, message).withHint(hint));
  }

  Label label(SourceFile f, Span span, String message) {
    return new Label(f, span, message);
  }

  Type record(Expr e, Type t) {
    types.put(e, t);
    return t;
  }

  boolean isSub(Type a, Type b) {
    return sub.isSubtype(a, b);
  }

  /** How a type is named in messages ({@code null} for the type of the {@code null} literal). */
  static String show(Type t) {
    if (t instanceof Type.NullableType n && Subtyping.isNothing(n.inner())) {
      return "null";
    }
    return t.toString();
  }
}
