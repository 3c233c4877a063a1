package io.slipway.check;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.diag.Code;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls: resolving the callee (local function, data class, the innermost DSL receiver's member,
 * global builtin), then argument matching and generic inference ({@link Arguments}).
 */
final class CallChecker {
  private final Ctx cx;
  private final ExprChecker exprs;
  private final Arguments arguments;
  private final Overloads overloads;

  CallChecker(Ctx cx, ExprChecker exprs) {
    this.cx = cx;
    this.exprs = exprs;
    this.arguments = new Arguments(cx, exprs, this);
    this.overloads = new Overloads(cx, exprs);
  }

  Type call(Expr.Call c, Type expected, Env env) {
    ShellHints.mark(cx, c);
    return switch (c.callee()) {
      case Expr.Name n -> byName(c, n, expected, env);
      case Expr.Member m -> method(c, m, expected, env);
      default -> {
        Type t = exprs.check(c.callee(), null, env);
        yield invokeValue(c, t, "function", expected, env);
      }
    };
  }

  private Type invokeValue(Expr.Call c, Type t, String display, Type expected, Env env) {
    explicit(c, List.of(), Map.of(), display);
    if (Types.isError(t)) {
      arguments.loose(c.args(), c.trailing(), env);
      return Types.ERROR;
    }
    if (Types.isNullable(t) && Types.nonNull(t) instanceof Type.FnType) {
      cx.report(Code.E0204, c.callee().span(), "unsafe call of a nullable function of type `" + t + "`", "use `!!` first");
      t = Types.nonNull(t);
    }
    if (!(t instanceof Type.FnType fn)) {
      cx.report(Code.E0211, c.callee().span(), "`" + cx.file.slice(c.callee().span()) + "` is not a function: it has type `" + Ctx.show(t) + "`");
      arguments.loose(c.args(), c.trailing(), env);
      return Types.ERROR;
    }
    return arguments.apply(c.span(), c.callee().span(), c.args(), c.trailing(), CallTarget.value(display, fn), expected, env);
  }

  private Type byName(Expr.Call c, Expr.Name n, Type expected, Env env) {
    String name = n.id();
    Symbol sym = env.scope().lookup(name);
    if (sym != null) {
      return switch (sym.kind()) {
        case FUN -> {
          cx.stmts.ensureResult(sym.fun());
          var target = CallTarget.of(sym.fun()).withSubst(explicit(c, sym.fun().typeParams, Map.of(), name));
          yield arguments.apply(c.span(), n.span(), c.args(), c.trailing(), target, expected, env);
        }
        case DATA -> {
          explicit(c, List.of(), Map.of(), name);
          if (sym.data().isEnum()) {
            cx.report(Code.E0211, n.span(), "enum class `" + name + "` cannot be constructed",
                "use one of its entries: " + String.join(", ", sym.data().entries().stream()
                    .limit(3).map(x -> "`" + name + "." + x + "`").toList()));
            arguments.loose(c.args(), c.trailing(), env);
            yield Types.ERROR;
          }
          yield arguments.apply(c.span(), n.span(), c.args(), c.trailing(),
              CallTarget.constructor(sym.data(), false), expected, env);
        }
        default -> {
          // Kotlin resolves `registry(...)` to a function even when a value `registry` is in scope
          if (!(Types.nonNull(sym.type()) instanceof Type.FnType) && !Types.isError(sym.type())
              && hasFunction(name, env)) {
            yield builtinByName(c, n, expected, env);
          }
          yield invokeValue(c, sym.type(), name, expected, env);
        }
      };
    }
    return builtinByName(c, n, expected, env);
  }

  private boolean hasFunction(String name, Env env) {
    return env.receiver() != null && exprs.members().method(env.receiver(), name) != null
        || cx.registry.function(name).isPresent();
  }

  private Type builtinByName(Expr.Call c, Expr.Name n, Type expected, Env env) {
    String name = n.id();
    if (env.receiver() != null) {
      BuiltinFunction m = exprs.members().method(env.receiver(), name);
      if (m != null) {
        var subst = exprs.members().ownerSubst(m.receiverType(), env.receiver());
        var target = CallTarget.of(m, subst).withSubst(explicit(c, m.typeParams(), subst, name));
        return arguments.apply(c.span(), n.span(), c.args(), c.trailing(), target, expected, env, c);
      }
      var ext = new java.util.HashMap<String, Type>();
      FunInfo fx = extension(env.receiver(), name, ext);
      if (fx != null) {
        return callExtension(c.span(), n.span(), fx, ext, c.args(), c.trailing(), expected, env, c);
      }
      Type prop = exprs.members().property(env.receiver(), name);
      if (prop != null) {
        return invokeValue(c, prop, name, expected, env);
      }
    }
    var global = cx.registry.function(name);
    if (global.isPresent()) {
      BuiltinFunction f = global.get();
      if (cx.registry.isOverloaded(f)) {
        f = overloads.choose(cx.registry.overloads(name), name, n.span(), c.args(), c.trailing(), env);
        if (f == null) {
          arguments.loose(c.args(), c.trailing(), env);
          return Types.ERROR;
        }
        c.resolution().target(f);
      }
      if (f.name().equals("pipeline") && !cx.allowedPipelines.contains(c)) {
        cx.report(Code.E0402, n.span(), "`pipeline` is only allowed at the top level of a pipeline file");
      }
      var target = CallTarget.of(f, new java.util.HashMap<>()).withSubst(explicit(c, f.typeParams(), Map.of(), name));
      Type result = arguments.apply(c.span(), n.span(), c.args(), c.trailing(), target, expected, env, c);
      if (f.name().equals("secret") && f.owner() == null) {
        new SecretNames(cx).check(c, env);
      }
      return result;
    }
    var globalValue = cx.registry.property(null, name);
    if (globalValue.isPresent()) {
      return invokeValue(c, globalValue.get().type(), name, expected, env);
    }
    String where = dslPlaces(name);
    if (where != null) {
      cx.report(Code.E0402, n.span(), "`" + name + "` is only allowed directly in " + where);
    } else {
      exprs.unknownName(n.span(), name, env);
    }
    arguments.loose(c.args(), c.trailing(), env);
    return Types.ERROR;
  }

  /** "`pipeline`, `parallel` or `matrix`" for a DSL member, or null when no scope declares it. */
  String dslPlaces(String name) {
    List<String> places = new ArrayList<>();
    for (BuiltinFunction f : cx.registry.functions()) {
      if (f.owner() != null && f.owner().endsWith("Scope") && f.name().equals(name)) {
        String base = f.owner().substring(0, f.owner().length() - "Scope".length());
        String place = "`" + Character.toLowerCase(base.charAt(0)) + base.substring(1) + "`";
        if (!places.contains(place)) {
          places.add(place);
        }
      }
    }
    if (places.isEmpty()) {
      return null;
    }
    if (places.size() == 1) {
      return places.get(0);
    }
    return String.join(", ", places.subList(0, places.size() - 1)) + " or " + places.get(places.size() - 1);
  }

  static String literalFirstArg(Expr.Call c) {
    for (Arg a : c.args()) {
      if (a.name() == null || a.name().text().equals("name")) {
        return literal(a.value());
      }
    }
    return null;
  }

  /** The text of a string literal without interpolation, else null. */
  static String literal(Expr e) {
    if (e instanceof Expr.Str s && s.parts().stream().allMatch(p -> p instanceof TemplatePart.Text)) {
      var sb = new StringBuilder();
      s.parts().forEach(p -> sb.append(((TemplatePart.Text) p).text()));
      return sb.toString();
    }
    return null;
  }

  private Type method(Expr.Call c, Expr.Member m, Type expected, Env env) {
    DataClassInfo enumInfo = enumClass(m.target(), env);
    if (enumInfo != null) {
      return enumStaticCall(enumInfo, c, m, env);
    }
    Type recvT = exprs.check(m.target(), null, env);
    String name = m.name().text();
    if (Types.isError(recvT)) {
      arguments.loose(c.args(), c.trailing(), env);
      return Types.ERROR;
    }
    if (Types.isNullable(recvT) && !m.safe()) {
      BuiltinFunction onNullable = nullableReceiver(recvT, name);
      if (onNullable != null) {
        // `s.orEmpty()`, `s.let { }`: declared for a nullable receiver; the interpreter needs the
        // choice, since a null receiver has no run-time type to find it by
        c.resolution().target(onNullable);
        var subst = onNullable.receiverType() instanceof Type.TypeVar v
            ? new java.util.HashMap<>(Map.of(v.name(), recvT))
            : exprs.members().ownerSubst(onNullable.receiverType(), Types.nonNull(recvT));
        var target = CallTarget.of(onNullable, subst).withSubst(explicit(c, onNullable.typeParams(), subst, name));
        return arguments.apply(c.span(), m.name().span(), c.args(), c.trailing(), target, expected, env, c);
      }
      cx.report(Code.E0204, m.name().span(), "unsafe call of `" + name + "` on a nullable value of type `"
          + Ctx.show(recvT) + "`", "use `?.` or `!!`");
    }
    Type recv = Types.nonNull(recvT);
    Type result = methodOn(c.span(), m.name().span(), name, recv, c.args(), c.trailing(), expected, env, c);
    return m.safe() && Types.isNullable(recvT) ? Types.nullable(result) : result;
  }

  private Type methodOn(Span span, Span nameSpan, String name, Type recv, List<Arg> args, Expr.Lambda trailing,
      Type expected, Env env, Expr.Call call) {
    if (name.equals("toString") && recv.equals(Types.SECRET)) {
      cx.report(Code.E0205, nameSpan, "a Secret has no `toString()`: it never converts to a `String`");
      arguments.loose(args, trailing, env);
      return Types.ERROR;
    }
    DataClassInfo dc = cx.dataClasses.get(Members.ownerName(recv));
    if (dc != null && name.equals("copy") && !dc.isEnum() && !dc.isObject()) {
      return arguments.apply(span, nameSpan, args, trailing, CallTarget.constructor(dc, true), expected, env);
    }
    BuiltinFunction f = exprs.members().methodOrScopeFunction(recv, name);
    if (f != null) {
      List<BuiltinFunction> candidates = candidates(f, name);
      if (candidates.size() > 1) {
        f = overloads.choose(candidates, name, nameSpan, args, trailing, env);
        if (f == null) {
          arguments.loose(args, trailing, env);
          return Types.ERROR;
        }
        if (call != null) {
          call.resolution().target(f);
        }
      }
      var subst = exprs.members().ownerSubst(f.receiverType(), recv);
      var target = CallTarget.of(f, subst).withSubst(explicit(call, f.typeParams(), subst, name));
      return arguments.apply(span, nameSpan, args, trailing, target, expected, env, call);
    }
    var ext = new java.util.HashMap<String, Type>();
    FunInfo fx = extension(recv, name, ext);
    if (fx != null) {
      return callExtension(span, nameSpan, fx, ext, args, trailing, expected, env, call);
    }
    Type prop = exprs.members().property(recv, name);
    if (prop instanceof Type.FnType fn) {
      return arguments.apply(span, nameSpan, args, trailing, CallTarget.value(name, fn), expected, env);
    }
    if (name.equals("toString") && args.isEmpty() && trailing == null) {
      return Types.STRING;
    }
    if (prop != null) {
      cx.report(Code.E0211, nameSpan, "`" + name + "` is a property of type `" + prop + "`, not a method",
          "drop the parentheses");
    } else {
      cx.report(Code.E0302, nameSpan, "unknown member `" + name + "` of `" + recv + "`",
          DidYouMean.hint(name, exprs.members().names(recv)));
    }
    arguments.loose(args, trailing, env);
    return Types.ERROR;
  }

  /**
   * The builtin that may be called on the nullable {@code recv} without {@code ?.}: one declared
   * on a nullable owner ({@code String?.orEmpty}) or on a bare type variable ({@code T.let},
   * which Kotlin applies to nullable receivers too); else null.
   */
  private BuiltinFunction nullableReceiver(Type recv, String name) {
    BuiltinFunction f = exprs.members().methodOrScopeFunction(Types.nonNull(recv), name);
    if (f != null && (f.receiverType() instanceof Type.NullableType || f.receiverType() instanceof Type.TypeVar)) {
      return f;
    }
    BuiltinFunction scope = exprs.members().scopeFunction(name);
    return f != null && scope != null && candidates(f, name).contains(scope) ? scope : null;
  }

  /**
   * The declarations a method call chooses among: the overloads of {@code f}, and a scope
   * function of the same name ({@code T.run}) beside a member ({@code Stack.run}), member first.
   */
  private List<BuiltinFunction> candidates(BuiltinFunction f, String name) {
    boolean overloaded = cx.registry.isOverloaded(f);
    BuiltinFunction scope = f.receiverType() instanceof Type.TypeVar ? null : exprs.members().scopeFunction(name);
    if (!overloaded && scope == null) {
      return List.of(f);
    }
    var out = new ArrayList<>(cx.registry.overloads(f.qualifiedName()));
    if (scope != null) {
      out.add(scope);
    }
    return out;
  }

  /**
   * The extension function {@code name} that applies to {@code recv} (the first declared one),
   * binding its receiver's type variables into {@code subst}; or null.
   */
  FunInfo extension(Type recv, String name, Map<String, Type> subst) {
    return Types.isError(recv) ? null : applicable(cx.extensions.get(name), recv, subst);
  }

  /**
   * The first of {@code candidates} (extension functions or getters) whose receiver accepts
   * {@code recv}, binding its receiver's type variables into {@code subst}; or null.
   */
  private FunInfo applicable(List<FunInfo> candidates, Type recv, Map<String, Type> subst) {
    if (candidates == null) {
      return null;
    }
    for (FunInfo f : candidates) {
      var s = new java.util.HashMap<String, Type>();
      arguments.unify(f.receiver, recv, s);
      Type want = Subtyping.substitute(f.receiver, s);
      if (cx.isSub(recv, Arguments.eraseVars(want, Types.nullable(Types.ANY)))) {
        subst.putAll(s);
        return f;
      }
    }
    return null;
  }

  private Type callExtension(Span span, Span nameSpan, FunInfo f, Map<String, Type> subst, List<Arg> args,
      Expr.Lambda trailing, Type expected, Env env, Expr.Call call) {
    cx.stmts.ensureResult(f);
    var target = CallTarget.of(f).withSubst(subst).withSubst(explicit(call, f.typeParams, subst, f.name));
    return arguments.apply(span, nameSpan, args, trailing, target, expected, env, call);
  }

  /**
   * Explicit type arguments of {@code call} ({@code emptyList<String>()}) bound to the callee's
   * type parameters not already bound by its receiver; E0214 when the count differs.
   */
  Map<String, Type> explicit(Expr.Call call, List<String> names, Map<String, Type> bound, String display) {
    if (call == null || call.typeArgs().isEmpty()) {
      return Map.of();
    }
    List<String> free = names.stream().filter(v -> !bound.containsKey(v)).toList();
    List<Type> given = call.typeArgs().stream().map(cx.typeRefs::resolve).toList();
    if (given.size() != free.size()) {
      Span where = call.typeArgs().get(0).span().join(call.typeArgs().get(given.size() - 1).span());
      cx.report(Code.E0214, where, free.isEmpty() ? "`" + display + "` takes no type arguments"
          : "`" + display + "` takes " + free.size() + " type argument" + (free.size() == 1 ? "" : "s")
          + ", found " + given.size());
      return Map.of();
    }
    var out = new java.util.HashMap<String, Type>();
    for (int i = 0; i < free.size(); i++) {
      out.put(free.get(i), given.get(i));
    }
    return out;
  }

  /**
   * A callable reference: {@code ::slug} has the type of the function, {@code String::length}
   * takes the receiver as its first parameter. Generic functions need a lambda instead (E0209).
   */
  Type reference(Expr.CallableRef r, Env env) {
    String name = r.name().text();
    Span at = r.name().span();
    if (r.bound() != null) {
      return bound(r, env);
    }
    if (r.receiver() == null) {
      Symbol sym = env.scope().lookup(name);
      if (sym != null && sym.kind() == Symbol.Kind.FUN) {
        cx.stmts.ensureResult(sym.fun());
        return generic(r, sym.fun().type(), !sym.fun().typeParams.isEmpty());
      }
      var fn = cx.registry.function(name);
      if (sym == null && fn.isPresent()) {
        BuiltinFunction f = fn.get();
        // parameters with defaults stand for Kotlin's shorter overloads: left out, as Kotlin picks those
        return generic(r, new Type.FnType(null, f.params().stream().filter(p -> p.required())
            .map(p -> p.type()).toList(), f.result()),
            !f.typeParams().isEmpty());
      }
      if (sym != null) {
        cx.report(Code.E0211, at, "`" + name + "` is not a function: it has type `" + Ctx.show(sym.type()) + "`");
      } else {
        exprs.unknownName(at, name, env);
      }
      return Types.ERROR;
    }
    if (r.bound() != null || boundName(r.receiver().text(), env)) {
      return bound(r, env);
    }
    Type recv = cx.typeRefs.resolve(new io.slipway.syntax.ast.TypeRef.Named(r.receiver().span(), r.receiver(),
        List.of(), false));
    return unbound(r, recv);
  }

  /**
   * Whether {@code x} in {@code x::f} names a value (the reference is bound to it), as the
   * interpreter decides too: a variable, parameter or {@code this}, not a class.
   */
  static boolean boundName(String name, Env env) {
    if (name.equals("this") && env.receiver() != null) {
      return true;
    }
    Symbol sym = env.scope().lookup(name);
    return sym != null && sym.kind() != Symbol.Kind.DATA && sym.kind() != Symbol.Kind.FUN;
  }

  /** {@code "abc"::startsWith}, {@code this::f}: the member's type without the receiver parameter. */
  private Type bound(Expr.CallableRef r, Env env) {
    Expr target = r.bound() != null ? r.bound() : new Expr.Name(r.receiver().span(), r.receiver().text());
    Type recv = exprs.check(target, null, env);
    if (Types.isError(recv)) {
      return Types.ERROR;
    }
    if (Types.isNullable(recv)) {
      cx.report(Code.E0204, r.name().span(), "a reference to `" + r.name().text() + "` bound to a nullable value of type `"
          + Ctx.show(recv) + "`", "use `!!` first, or a lambda with `?.`");
      return Types.ERROR;
    }
    Type t = unbound(r, recv);
    if (t instanceof Type.FnType fn && !fn.params().isEmpty()) {
      return new Type.FnType(null, fn.params().subList(1, fn.params().size()), fn.result());
    }
    return t;
  }

  /** {@code String::length}: the receiver is the first parameter. */
  private Type unbound(Expr.CallableRef r, Type recv) {
    String name = r.name().text();
    Span at = r.name().span();
    if (Types.isError(recv)) {
      return Types.ERROR;
    }
    Type prop = exprs.members().property(recv, name);
    if (prop != null) {
      return new Type.FnType(null, List.of(recv), prop);
    }
    BuiltinFunction m = exprs.members().method(recv, name);
    if (m != null) {
      var subst = exprs.members().ownerSubst(m.receiverType(), recv);
      var ps = new ArrayList<Type>(List.of(recv));
      m.params().stream().filter(p -> p.required()).forEach(p -> ps.add(Subtyping.substitute(p.type(), subst)));
      return generic(r, new Type.FnType(null, ps, Subtyping.substitute(m.result(), subst)), false);
    }
    var subst = new java.util.HashMap<String, Type>();
    FunInfo ext = extension(recv, name, subst);
    if (ext != null) {
      cx.stmts.ensureResult(ext);
      var ps = new ArrayList<Type>(List.of(recv));
      ext.params.forEach(p -> ps.add(Subtyping.substitute(p.type(), subst)));
      return generic(r, new Type.FnType(null, ps, Subtyping.substitute(ext.result, subst)), false);
    }
    cx.report(Code.E0302, at, "unknown member `" + name + "` of `" + recv + "`",
        DidYouMean.hint(name, exprs.members().names(recv)));
    return Types.ERROR;
  }

  private Type generic(Expr.CallableRef r, Type t, boolean generic) {
    if (generic || Arguments.hasVars(t)) {
      cx.report(Code.E0209, r.span(), "cannot infer the type arguments of `" + cx.file.slice(r.span()) + "`",
          "use a lambda instead, e.g. `{ " + r.name().text() + "(it) }`");
      return Types.ERROR;
    }
    return t;
  }

  /** The type of the extension property (getter) {@code name} on {@code recv}, or null. */
  Type getter(Type recv, String name) {
    var s = new java.util.HashMap<String, Type>();
    FunInfo f = applicable(cx.getters.get(name), recv, s);
    if (f == null) {
      return null;
    }
    cx.stmts.ensureResult(f);
    return Subtyping.substitute(f.result == null ? Types.ERROR : f.result, s);
  }

  /** An enum entry's constructor arguments, checked as a call of the class. */
  void enumEntry(io.slipway.syntax.ast.Stmt.EnumEntry e, DataClassInfo info, Env env) {
    arguments.apply(e.span(), e.name().span(), e.args(), null, CallTarget.constructor(info, false), null, env);
  }

  /** {@code Env.DEV}, {@code Env.entries}: a member of an enum class itself, or null if none. */
  Type enumStatic(DataClassInfo info, Expr.Member m) {
    String name = m.name().text();
    if (info.entries().contains(name)) {
      return info.type();
    }
    if (name.equals("entries")) {
      return new Type.ClassType("List", List.of(info.type()));
    }
    return null;
  }

  /** {@code Env.valueOf(s)}, {@code Env.values()}. */
  private Type enumStaticCall(DataClassInfo info, Expr.Call c, Expr.Member m, Env env) {
    String name = m.name().text();
    if (name.equals("values") && c.args().isEmpty() && c.trailing() == null) {
      return new Type.ClassType("List", List.of(info.type()));
    }
    if (name.equals("valueOf") && c.args().size() == 1 && c.args().get(0).name() == null && c.trailing() == null) {
      exprs.expect(c.args().get(0).value(), Types.STRING, env);
      return info.type();
    }
    cx.report(Code.E0302, m.name().span(), "unknown member `" + name + "` of enum class `" + info.name() + "`",
        DidYouMean.hint(name, enumStaticNames(info)));
    arguments.loose(c.args(), c.trailing(), env);
    return Types.ERROR;
  }

  static List<String> enumStaticNames(DataClassInfo info) {
    var out = new ArrayList<>(info.entries());
    out.addAll(List.of("entries", "values", "valueOf"));
    return out;
  }

  /** The enum class a name stands for ({@code Env} in {@code Env.DEV}), or null. */
  static DataClassInfo enumClass(Expr target, Env env) {
    if (target instanceof Expr.Name n && env.scope().lookup(n.id()) instanceof Symbol s
        && s.kind() == Symbol.Kind.DATA && s.data().isEnum()) {
      return s.data();
    }
    return null;
  }

  /** {@code 1 until 10}: a one-argument method call written infix. */
  Type infix(Expr.InfixCall ic, Env env) {
    Type recv = exprs.check(ic.left(), null, env);
    List<Arg> args = List.of(new Arg(ic.right().span(), null, ic.right()));
    if (Types.isError(recv)) {
      arguments.loose(args, null, env);
      return Types.ERROR;
    }
    if (Types.isNullable(recv)) {
      cx.report(Code.E0204, ic.name().span(), "unsafe call of `" + ic.name().text()
          + "` on a nullable value of type `" + Ctx.show(recv) + "`", "use `!!` first");
    }
    return methodOn(ic.span(), ic.name().span(), ic.name().text(), Types.nonNull(recv), args, null, null, env, null);
  }

  /** Names a {@code matrix(...)} call binds in its block: the constant axis names, with their values. */
  static Map<String, Expr> matrixAxes(List<Arg> args) {
    var out = new java.util.LinkedHashMap<String, Expr>();
    for (Arg a : args) {
      if (a.value() instanceof Expr.Binary b && b.op() == BinaryOp.TO && literal(b.left()) instanceof String s) {
        out.put(s, b.right());
      }
    }
    return out;
  }

  /**
   * Checks a lambda against the expected function type (whose type variables may be partly
   * unbound); returns its function type. {@code extraVals} are String vals bound in the body
   * (matrix axes), each with the expression of its values.
   */
  Type lambda(Expr.Lambda l, Type.FnType want, Env env, Map<String, Expr> extraVals) {
    Type recv = want == null ? null : want.receiver();
    String label = l.label() != null ? l.label() : cx.lambdaCallee;
    boolean inline = cx.lambdaInline;
    cx.lambdaCallee = null;
    cx.lambdaInline = false;
    Type wantResult0 = want == null || Arguments.hasVars(want.result()) ? null : want.result();
    Env lenv = env.inLambda(recv, inline, label, wantResult0);
    List<Type> ptypes = new ArrayList<>();
    if (l.arrow()) {
      boolean reported = false;
      Type.FnType keyValue = keyAndValue(want, l);
      if (keyValue != null) {
        want = keyValue;
      }
      if (want != null && want.params().size() != l.params().size()) {
        reported = true;
        cx.report(Code.E0203, l.span(), "type mismatch: expected a lambda of type " + want + ", found one with "
            + l.params().size() + " parameter" + (l.params().size() == 1 ? "" : "s"));
        want = null;
      }
      for (int i = 0; i < l.params().size(); i++) {
        var p = l.params().get(i);
        Type given = want != null && !Arguments.hasVars(want.params().get(i)) ? want.params().get(i) : null;
        Type t = p.type() != null ? cx.typeRefs.resolve(p.type()) : given;
        if (p.type() != null && given != null && !cx.isSub(given, t)) {
          cx.report(Code.E0203, p.type().span(), "type mismatch: expected " + Ctx.show(given) + ", found " + Ctx.show(t));
        }
        if (t == null) {
          if (!reported) {
            cx.report(Code.E0209, p.name().span(), "cannot infer the type of lambda parameter `" + p.name().text() + "`",
                "write it: `" + p.name().text() + ": Type ->`");
          }
          t = Types.ERROR;
        }
        ptypes.add(t);
        declareLocal(lenv, p.name().text(), t, p.name().span());
      }
    } else if (want != null && want.params().size() == 1) {
      Type t = want.params().get(0);
      if (Arguments.hasVars(t)) {
        cx.report(Code.E0209, l.span(), "cannot infer the type of `it`", "declare the parameter: `{ x: Type -> ... }`");
        t = Types.ERROR;
      }
      ptypes.add(t);
      lenv.scope().put(Symbol.value("it", false, t, cx.file, l.span()));
    } else if (want != null && want.params().size() > 1) {
      cx.report(Code.E0203, l.span(), "type mismatch: expected a lambda of type " + want
          + ", found one without parameters", "name the parameters: `{ a, b -> ... }`");
      ptypes.addAll(want.params());
      // reported once: `it` in the body is not also an unknown name
      lenv.scope().put(Symbol.value("it", false, Types.ERROR, cx.file, l.span()));
    }
    extraVals.forEach((v, values) -> {
      Symbol sym = Symbol.value(v, false, Types.STRING, cx.file, l.span());
      lenv.scope().put(sym);
      cx.matrixValues.put(sym, new SecretNames.Source(values, env));
    });
    Type wantResult = want == null || Arguments.hasVars(want.result()) ? null : want.result();
    boolean unit = wantResult != null && Subtyping.isUnit(wantResult);
    Type body = cx.stmts.lambdaBody(l.body(), lenv, unit ? null : wantResult, !unit);
    return new Type.FnType(recv, ptypes, unit ? Types.UNIT : body);
  }

  /**
   * A lambda of two parameters where one taking a {@code Map.Entry<K, V>} is wanted
   * ({@code m.forEach { k, v -> }}) takes the key and the value, as the run time passes them
   * ({@code Closure}); null when that does not apply.
   */
  private static Type.FnType keyAndValue(Type.FnType want, Expr.Lambda l) {
    if (want != null && want.params().size() == 1 && l.params().size() == 2
        && want.params().get(0) instanceof Type.ClassType e && e.name().equals("Map.Entry")
        && e.args().size() == 2) {
      return new Type.FnType(want.receiver(), e.args(), want.result());
    }
    return null;
  }

  private void declareLocal(Env env, String name, Type t, Span span) {
    if (!name.equals("_")) {
      env.scope().put(Symbol.value(name, false, t, cx.file, span));
    }
  }
}
