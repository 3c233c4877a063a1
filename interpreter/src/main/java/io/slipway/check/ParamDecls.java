package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Subtyping;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.Set;

/**
 * {@code param name: Type = default}: only at the top level of a pipeline file (E0505); the type
 * is declared or that of the default; it must be one a {@code -p name=value} string converts to.
 */
final class ParamDecls {
  static final Set<Type> CONVERTIBLE = Set.of(Types.INT, Types.DOUBLE, Types.BOOL, Types.STRING, Types.DURATION);

  private final Ctx cx;

  ParamDecls(Ctx cx) {
    this.cx = cx;
  }

  /** Checks a pipeline file's param before anything else, so every file can read {@code params}. */
  void preDeclare(Stmt.ParamDecl pd) {
    String name = pd.name().text();
    if (cx.params.containsKey(name)) {
      var first = cx.params.get(name);
      cx.out.add(cx.error(Code.E0303, pd.name().span(), "param `" + name + "` is already declared")
          .withRelated(cx.label(first.file(), first.decl().name().span(), "first declared here")));
      return;
    }
    Env env = new Env(new Scope(null), null, 0, null);
    Type declared = pd.type() == null ? null : cx.typeRefs.resolve(pd.type());
    Type t;
    if (pd.defaultValue() == null) {
      if (declared == null) {
        cx.report(Code.E0209, pd.name().span(), "param `" + name + "` needs a type or a default value");
      }
      t = declared == null ? Types.ERROR : declared;
    } else if (declared != null) {
      cx.exprs.expect(pd.defaultValue(), declared, env);
      t = declared;
    } else {
      t = cx.exprs.check(pd.defaultValue(), null, env);
      if (t.equals(Types.NULL)) {
        cx.report(Code.E0209, pd.name().span(), "cannot infer the type of param `" + name + "` from `null`",
            "declare it: `param " + name + ": String? = null`");
        t = Types.ERROR;
      }
    }
    if (!Types.isError(t) && !CONVERTIBLE.contains(Types.nonNull(t)) && !Subtyping.isNothing(Types.nonNull(t))) {
      cx.report(Code.E0203, pd.type() != null ? pd.type().span() : pd.name().span(),
          "type mismatch: a param must be Int, Double, Bool, String or Duration (or nullable), found " + Ctx.show(t));
      t = Types.ERROR;
    }
    cx.params.put(name, new ParamInfo(name, t, pd, cx.file));
  }

  /** Binds the param's name in the file's top scope (it was checked by {@link #preDeclare}). */
  void declare(Stmt.ParamDecl pd, Env env, boolean library) {
    if (library) {
      cx.report(Code.E0505, pd.span(), "`param` is only allowed at the top level of a pipeline file",
          "declare it in the pipeline file; a library reads it as `params." + pd.name().text() + "`");
      if (pd.defaultValue() != null) {
        cx.exprs.check(pd.defaultValue(), null, env);
      }
      return;
    }
    ParamInfo info = cx.params.get(pd.name().text());
    if (info != null && info.decl() == pd) {
      cx.stmts.decls().declare(env, Symbol.value(info.name(), false, info.type(), cx.file, pd.name().span()));
    }
  }
}
