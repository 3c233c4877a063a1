package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TypeParam;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declarations: functions and data classes are hoisted to the start of their block (so they can
 * be used before they are written), {@code val}/{@code var} enter scope in order. Duplicate names
 * in one scope are E0303 with a note at the first declaration.
 */
final class Declarations {
  private final Ctx cx;
  private final ExprChecker exprs;
  private final StmtChecker stmts;
  private final Map<Stmt.FunDecl, FunInfo> funs = new IdentityHashMap<>();

  Declarations(Ctx cx, ExprChecker exprs, StmtChecker stmts) {
    this.cx = cx;
    this.exprs = exprs;
    this.stmts = stmts;
  }

  /** Enters the data classes and function signatures of a block, before its statements run. */
  void hoist(List<Stmt> list, Env env) {
    for (Stmt s : list) {
      if (s instanceof Stmt.DataClass d) {
        dataClass(d, env);
      }
    }
    for (Stmt s : list) {
      if (s instanceof Stmt.TypeAlias a) {
        typeAlias(a, env);
      }
    }
    for (Stmt s : list) {
      if (s instanceof Stmt.FunDecl f) {
        signature(f, env);
      } else if (s instanceof Stmt.DataClass d) {
        d.members().forEach(m -> signature(m, env));
      }
    }
    for (Stmt s : list) {
      if (s instanceof Stmt.DataClass d && d.kind() == Stmt.DataClass.Kind.ENUM
          && cx.dataClasses.get(d.name().text()) instanceof DataClassInfo info && info.decl() == d) {
        enumEntries(info, env);
      }
    }
  }

  /** Checks each member body of a class (after the whole block is hoisted). */
  void checkMembers(Stmt.DataClass d) {
    d.members().forEach(m -> checkBody(funs.get(m)));
  }

  private void typeAlias(Stmt.TypeAlias a, Env env) {
    String name = a.name().text();
    if (cx.aliases.containsKey(name) || cx.dataClasses.containsKey(name) || cx.registry.type(name).isPresent()) {
      cx.report(Code.E0303, a.name().span(), "type `" + name + "` is already declared");
      return;
    }
    cx.aliases.put(name, cx.typeRefs.resolve(a.type()));
  }

  /** An enum's entries: distinct names, constructor arguments checked like a call. */
  private void enumEntries(DataClassInfo info, Env env) {
    var seen = new java.util.HashSet<String>();
    for (Stmt.EnumEntry e : info.decl().entries()) {
      if (!seen.add(e.name().text())) {
        cx.report(Code.E0303, e.name().span(), "enum entry `" + e.name().text() + "` is declared twice");
      }
      cx.calls.enumEntry(e, info, env);
    }
  }

  /** Declares {@code sym} in the innermost scope, reporting a duplicate (E0303). */
  void declare(Env env, Symbol sym) {
    if (sym.name().equals("_")) {
      return;
    }
    Symbol existing = env.scope().local(sym.name());
    if (existing != null) {
      cx.out.add(cx.error(Code.E0303, sym.span(), "`" + sym.name() + "` is already declared in this scope")
          .withRelated(cx.label(existing.file(), existing.span(), "`" + sym.name() + "` is first declared here")));
      return;
    }
    env.scope().put(sym);
  }

  private void dataClass(Stmt.DataClass d, Env env) {
    String name = d.name().text();
    var fields = new ArrayList<DataClassInfo.Field>();
    var seen = new java.util.HashSet<String>();
    for (Param p : d.properties()) {
      Type t = paramType(p, name);
      if (!seen.add(p.name().text())) {
        cx.report(Code.E0303, p.name().span(), "property `" + p.name().text() + "` is declared twice");
      }
      fields.add(new DataClassInfo.Field(p.name().text(), t, p.mutable(), p.defaultValue() != null));
    }
    if (d.kind() == Stmt.DataClass.Kind.ENUM) {
      for (var f : fields) {
        if (f.name().equals("name") || f.name().equals("ordinal")) {
          cx.report(Code.E0303, d.name().span(), "property `" + f.name() + "` of an enum class is built in");
        }
      }
    }
    var info = new DataClassInfo(name, fields, d, cx.file);
    DataClassInfo prev = cx.dataClasses.get(name);
    if (prev != null) {
      cx.out.add(cx.error(Code.E0303, d.name().span(), "type `" + name + "` is already declared")
          .withRelated(cx.label(prev.file(), prev.decl().name().span(), "first declared here")));
      return;
    }
    if (cx.registry.type(name).isPresent()) {
      // as a Kotlin declaration shadows a default import: the user's type is used in its place
      cx.warn(Code.W0301, d.name().span(), "`" + name + "` shadows the standard-library type `" + name + "`",
          "uses of `" + name + "` mean this declaration; rename it to keep the standard one");
    }
    cx.dataClasses.put(name, info);
    if (info.isObject()) {
      // an object is a value of its own type; its members are the body's functions and vals
      declare(env, Symbol.value(name, false, info.type(), cx.file, d.name().span()));
      return;
    }
    declare(env, new Symbol(name, Symbol.Kind.DATA, info.type(), cx.file, d.name().span(), null, info, null));
    // a default may use the properties before it, as Kotlin's constructor parameters can
    Env fenv = env.child();
    for (int i = 0; i < d.properties().size(); i++) {
      Param p = d.properties().get(i);
      Type t = fields.get(i).type();
      if (p.defaultValue() != null) {
        exprs.expect(p.defaultValue(), t, fenv);
      }
      fenv.scope().put(Symbol.value(p.name().text(), false, t, cx.file, p.name().span()));
    }
  }

  private Type paramType(Param p, String owner) {
    if (p.type() == null) {
      cx.report(Code.E0209, p.name().span(), "parameter `" + p.name().text() + "` of `" + owner + "` needs a type",
          "write it: `" + p.name().text() + ": Type`");
      return Types.ERROR;
    }
    return cx.typeRefs.resolve(p.type());
  }

  private void signature(Stmt.FunDecl f, Env env) {
    String name = f.name().text();
    var vars = new java.util.LinkedHashMap<String, Type>();
    for (TypeParam tp : f.typeParams()) {
      if (vars.put(tp.name().text(), new Type.TypeVar(tp.name().text())) != null) {
        cx.report(Code.E0303, tp.name().span(), "type parameter `" + tp.name().text() + "` is declared twice");
      }
    }
    var bounds = new java.util.HashMap<String, Type>();
    var params = new ArrayList<ParamSig>();
    Type[] receiver = new Type[1];
    Type result = cx.typeRefs.withTypeParams(vars, () -> {
      for (TypeParam tp : f.typeParams()) {
        if (tp.bound() != null) {
          bounds.put(tp.name().text(), cx.typeRefs.resolve(tp.bound()));
        }
      }
      receiver[0] = f.receiver() == null ? null : cx.typeRefs.resolve(f.receiver());
      boolean seenVararg = false;
      for (Param p : f.params()) {
        if (p.vararg() && seenVararg) {
          cx.report(Code.E0303, p.name().span(), "a function has at most one `vararg` parameter");
        }
        seenVararg |= p.vararg();
        params.add(new ParamSig(p.name().text(), paramType(p, name), p.defaultValue() != null, p.vararg()));
      }
      return f.returnType() != null ? cx.typeRefs.resolve(f.returnType()) : f.body() != null ? Types.UNIT : null;
    });
    var info = new FunInfo(name, params, result, f, cx.file);
    info.typeParams = List.copyOf(vars.keySet());
    info.bounds = bounds;
    info.receiver = receiver[0];
    info.scope = env.scope();
    funs.put(f, info);
    if (info.receiver == null && cx.registry.function(name).isPresent()) {
      cx.warn(Code.W0301, f.name().span(), "`" + name + "` shadows the standard-library function `" + name + "`",
          "calls of `" + name + "` here mean this function; rename it to keep the standard one");
    }
    if (info.receiver != null) {
      (f.getter() ? cx.getters : cx.extensions).computeIfAbsent(name, k -> new ArrayList<>()).add(info);
      return;
    }
    declare(env, new Symbol(name, Symbol.Kind.FUN, info.type(), cx.file, f.name().span(), info, null, null));
  }

  /** The inverse of {@link #rigid}: opaque type parameters back to type variables. */
  private static Type flexible(Type t, Map<String, Type> rigid) {
    if (rigid.isEmpty()) {
      return t;
    }
    return switch (t) {
      case Type.ClassType c when c.args().isEmpty() && rigid.containsKey(c.name()) -> new Type.TypeVar(c.name());
      case Type.ClassType c -> new Type.ClassType(c.name(), c.args().stream().map(a -> flexible(a, rigid)).toList());
      case Type.NullableType n -> Types.nullable(flexible(n.inner(), rigid));
      case Type.FnType fn -> new Type.FnType(fn.receiver() == null ? null : flexible(fn.receiver(), rigid),
          fn.params().stream().map(a -> flexible(a, rigid)).toList(), flexible(fn.result(), rigid));
      default -> t;
    };
  }

  /** A type as the body of its generic function sees it: type parameters are opaque types. */
  private static Type rigid(Type t, Map<String, Type> rigid) {
    return rigid.isEmpty() || t == null ? t : io.slipway.types.Subtyping.substitute(t, rigid);
  }

  FunInfo local(Stmt.FunDecl f, Env env) {
    return funs.get(f);
  }

  /** Makes sure an expression-bodied function's return type is known (checking it now). */
  void ensureResult(FunInfo f) {
    if (f.state == FunInfo.State.PENDING) {
      checkBody(f);
    } else if (f.state == FunInfo.State.INFERRING) {
      cx.report(Code.E0209, f.decl.name().span(), "cannot infer the return type of `" + f.name + "`: it calls itself",
          "declare it: `fun " + f.name + "(...): Type = ...`");
      f.result = Types.ERROR;
      f.state = FunInfo.State.DONE;
    }
  }

  void checkBody(FunInfo f) {
    if (f == null || f.bodyChecked) {
      return;
    }
    f.bodyChecked = true;
    if (f.state == FunInfo.State.PENDING) {
      f.state = FunInfo.State.INFERRING;
    }
    var saved = cx.file;
    var savedBounds = cx.rigidBounds;
    cx.file = f.file;
    Map<String, Type> rigid = new java.util.HashMap<>();
    Map<String, Type> rigidBounds = new java.util.HashMap<>(savedBounds);
    for (String v : f.typeParams) {
      rigid.put(v, new Type.ClassType(v, List.of()));
    }
    for (String v : f.typeParams) {
      rigidBounds.put(v, f.bounds.containsKey(v) ? rigid(f.bounds.get(v), rigid) : Types.ANY);
    }
    cx.rigidBounds = rigidBounds;
    cx.typeRefs.withTypeParams(rigid, () -> {
      checkBody(f, rigid);
      return null;
    });
    cx.rigidBounds = savedBounds;
    if (f.result == null) {
      f.result = Types.ERROR;
    }
    f.state = FunInfo.State.DONE;
    cx.file = saved;
  }

  private void checkBody(FunInfo f, Map<String, Type> rigid) {
    Stmt.FunDecl d = f.decl;
    Type declared = d.returnType() != null ? rigid(f.result, rigid) : null;
    Env env = new Env(f.scope, null, 0, null).inFunction(new Env.FnCtx(f.name, declared));
    if (f.receiver != null) {
      Type recv = rigid(f.receiver, rigid);
      env = new Env(env.scope(), env.fn(), 0, recv);
      env.scope().put(Symbol.value("this", false, recv, cx.file, d.receiver().span()));
    }
    for (int i = 0; i < d.params().size(); i++) {
      Param p = d.params().get(i);
      Type pt = rigid(f.params.get(i).type(), rigid);
      if (p.defaultValue() != null) {
        exprs.expect(p.defaultValue(), pt, env);
      }
      if (p.vararg()) {
        pt = new Type.ClassType("List", List.of(pt));
      }
      declare(env, new Symbol(p.name().text(), Symbol.Kind.PARAM, pt, cx.file,
          p.name().span(), null, null, null));
    }
    if (d.exprBody() != null) {
      if (declared != null) {
        exprs.expect(d.exprBody(), declared, env);
      } else {
        Type t = exprs.check(d.exprBody(), null, env);
        if (f.result == null) {
          f.result = flexible(t, rigid);
        }
      }
    } else {
      Type t = stmts.block(d.body(), env, false, null);
      if (declared != null && !io.slipway.types.Subtyping.isUnit(declared) && !Types.isError(declared)
          && !io.slipway.types.Subtyping.isNothing(t)) {
        cx.report(Code.E0207, d.name().span(), "function `" + f.name + "` must return a value of type `"
            + Ctx.show(declared) + "` on every path", "end the body with `return ...`");
      }
    }
  }

  void varDecl(Stmt.VarDecl v, Env env) {
    Type declared = v.type() == null ? null : cx.typeRefs.resolve(v.type());
    Type t;
    if (v.init() == null) {
      if (declared == null) {
        cx.report(Code.E0209, v.name().span(), "`" + v.name().text() + "` needs a type or an initial value");
      }
      t = declared == null ? Types.ERROR : declared;
    } else if (declared != null) {
      exprs.expect(v.init(), declared, env);
      t = declared;
    } else {
      t = exprs.check(v.init(), null, env);
      if (v.init() instanceof Expr.If i && i.otherwise() == null && !Types.isError(t)) {
        // Kotlin's rule: an `if` used as a value needs an `else`; reported here, where it is
        // written, and the name gets the error type so that its uses add no diagnostics
        cx.report(Code.E0203, i.span(), "`if` without `else` has no value: `" + v.name().text()
            + "` would be `Unit`", "add an `else` branch, e.g. `if (...) 1 else 0`");
        t = Types.ERROR;
      }
    }
    Symbol sym = Symbol.value(v.name().text(), v.mutable(), t, cx.file, v.name().span());
    declare(env, sym);
    if (!v.mutable() && v.init() != null) {
      cx.valSources.put(sym, new SecretNames.Source(v.init(), env));
    }
  }

  void destructure(Stmt.Destructure d, Env env) {
    Type t = exprs.check(d.init(), null, env);
    List<Type> parts = components(t, d.names().size(), d.init());
    for (int i = 0; i < d.names().size(); i++) {
      Ident n = d.names().get(i);
      declare(env, Symbol.value(n.text(), d.mutable(), parts.get(i), cx.file, n.span()));
    }
  }

  /** The component types of a Pair, Map.Entry, data class or List for destructuring into {@code n} names. */
  List<Type> components(Type t, int n, Expr where) {
    if (Types.isError(t)) {
      return Collections.nCopies(n, Types.ERROR);
    }
    if (t instanceof Type.ClassType c) {
      if ((c.name().equals("Pair") || c.name().equals("Map.Entry")) && c.args().size() == 2 && n <= 2
          || c.name().equals("Triple") && c.args().size() == 3 && n <= 3) {
        return c.args().subList(0, n);
      }
      if (c.name().equals("IndexedValue") && c.args().size() == 1 && n <= 2) {
        return List.of(Types.INT, c.args().get(0)).subList(0, n);
      }
      DataClassInfo dc = cx.dataClasses.get(c.name());
      if (dc != null && n <= dc.fields().size()) {
        return dc.fields().subList(0, n).stream().map(DataClassInfo.Field::type).toList();
      }
      Type.ClassType list = cx.sub.asSuper(c, "List");
      if (list != null && list.args().size() == 1) {
        return Collections.nCopies(n, list.args().get(0));
      }
    }
    cx.report(Code.E0203, where.span(), "cannot destructure a value of type `" + Ctx.show(t) + "` into " + n + " names");
    return Collections.nCopies(n, Types.ERROR);
  }
}
