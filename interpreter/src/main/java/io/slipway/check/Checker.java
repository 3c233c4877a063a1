package io.slipway.check;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostics;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The type checker: checks a main file and every file it imports (each once; cycles are E0502),
 * reporting every error of every file into one {@link Diagnostics}. It never throws for bad input:
 * after an error it continues with the error type, so one mistake gives one diagnostic.
 */
public final class Checker {
  private final BuiltinRegistry registry;

  public Checker(BuiltinRegistry registry) {
    this.registry = registry;
  }

  /**
   * Checks {@code main} and, through {@code loader}, its imports.
   *
   * @param pipelineFile true for the file given to {@code slipway check/run}: it must hold exactly
   *     one top-level {@code pipeline(...)}; false for snippets (the REPL) where that rule is off
   */
  public CheckedProgram check(Program main, ModuleLoader loader, Diagnostics out, boolean pipelineFile) {
    Ctx cx = context(registry, out, main.file().text().length());
    var modules = new Modules(cx, loader, Checker::checkFile);
    List<Program> imports = modules.checkMain(main, pipelineFile);
    return result(cx, main, imports);
  }

  static Ctx context(BuiltinRegistry registry, Diagnostics out, int sourceLength) {
    Ctx cx = new Ctx(registry, out, sourceLength);
    cx.typeRefs = new TypeResolver(cx);
    cx.exprs = new ExprChecker(cx);
    cx.calls = new CallChecker(cx, cx.exprs);
    cx.stmts = new StmtChecker(cx, cx.exprs);
    return cx;
  }

  static CheckedProgram result(Ctx cx, Program main, List<Program> imports) {
    return new CheckedProgram(main, imports, new ArrayList<>(cx.params.values()), cx.secretNames,
        cx.computedSecretNames, cx.types, cx.dataClasses, Types.cls(Members.PARAMS));
  }

  /**
   * Checks one file's items in a top scope whose parent holds what its imports export.
   *
   * @param role MAIN_PIPELINE, MAIN_SNIPPET or LIBRARY
   */
  static void checkFile(Ctx cx, Program p, Scope top, Modules.Role role) {
    Env env = new Env(top, null, 0, role == Modules.Role.MAIN_SNIPPET ? cx.snippetReceiver : null);
    List<Expr.Call> pipelines = pipelineCalls(p);
    cx.allowedPipelines.addAll(pipelines);
    pipelineCount(cx, p, pipelines, role);
    cx.stmts.decls().hoist(p.items(), env);
    for (Stmt s : p.items()) {
      cx.types.scope(s, env);
      if (s instanceof Stmt.ParamDecl pd) {
        new ParamDecls(cx).declare(pd, env, role == Modules.Role.LIBRARY);
        continue;
      }
      if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Call c && pipelines.contains(c)) {
        var saved = cx.stages;
        cx.stages = new PipelineRules(cx);
        cx.stmts.stmt(s, env, true);
        cx.stages.finish();
        cx.stages = saved;
        continue;
      }
      cx.stmts.stmt(s, env, true);
    }
    for (Stmt s : p.items()) {
      if (s instanceof Stmt.FunDecl f) {
        cx.stmts.decls().checkBody(cx.stmts.decls().local(f, env));
      } else if (s instanceof Stmt.DataClass d) {
        cx.stmts.decls().checkMembers(d);
      }
    }
  }

  /**
   * The file's top-level {@code pipeline(...)} calls: one makes it a pipeline file, none a
   * library (spec §1).
   */
  public static List<Expr.Call> pipelineCalls(Program p) {
    List<Expr.Call> calls = new ArrayList<>();
    for (Stmt s : p.items()) {
      if (s instanceof Stmt.ExprStmt es && es.expr() instanceof Expr.Call c
          && c.callee() instanceof Expr.Name n && n.id().equals("pipeline")) {
        calls.add(c);
      }
    }
    return calls;
  }

  private static void pipelineCount(Ctx cx, Program p, List<Expr.Call> pipelines, Modules.Role role) {
    switch (role) {
      case LIBRARY -> {
        for (Expr.Call c : pipelines) {
          cx.report(Code.E0401, c.callee().span(), "a library file cannot contain `pipeline(...)`",
              "only the pipeline file given to `slipway check` or `slipway run` declares the pipeline");
        }
      }
      case MAIN_PIPELINE -> {
        // a syntax error may have swallowed the pipeline call: one mistake, one diagnostic
        boolean syntaxErrors = cx.out.list().stream()
            .anyMatch(d -> d.file().equals(p.file()) && d.code().syntax());
        if (pipelines.isEmpty() && !syntaxErrors) {
          String text = p.file().text();
          int end = text.indexOf('\n');
          cx.report(Code.E0401, new Span(0, Math.max(0, end < 0 ? text.length() : end)),
              "a pipeline file must contain one `pipeline(...)` call",
              "add `pipeline(\"name\") { stage(\"build\") { ... } }`, or import this file as a library");
        }
        for (int i = 1; i < pipelines.size(); i++) {
          cx.out.add(cx.error(Code.E0401, pipelines.get(i).callee().span(),
                  "a pipeline file must contain exactly one `pipeline(...)` call")
              .withRelated(cx.label(p.file(), pipelines.get(0).callee().span(), "the first `pipeline` is here")));
        }
      }
      case MAIN_SNIPPET -> { }
    }
  }
}
