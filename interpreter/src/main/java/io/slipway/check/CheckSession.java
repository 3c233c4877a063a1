package io.slipway.check;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Diagnostics;
import io.slipway.syntax.ast.Program;
import java.util.List;

/**
 * Checks a sequence of snippets that build on each other, as a REPL enters them: the
 * declarations of a snippet that checked clean (vals, vars, functions, params) are visible to
 * the following ones; a snippet with errors leaves nothing behind (it will not run either).
 * Data classes are kept once declared. No pipeline-count rule applies.
 */
public final class CheckSession {
  private final ModuleLoader loader;
  private final Ctx cx;
  private final Scope session;

  public CheckSession(BuiltinRegistry registry, ModuleLoader loader) {
    this.loader = loader;
    this.cx = Checker.context(registry, new Diagnostics(), 4096);
    this.session = new Scope(null);
  }

  /**
   * A session whose snippets are checked as if written at a paused frame's statement: the
   * frame's names (with their static types) and its implicit receiver are in scope.
   */
  public CheckSession(BuiltinRegistry registry, ModuleLoader loader, StaticScope at) {
    this.loader = loader;
    this.cx = Checker.context(registry, new Diagnostics(), 4096);
    this.session = new Scope(at.env().scope());
    this.cx.snippetReceiver = at.receiver();
  }

  /** Checks one snippet; its diagnostics go to {@code out}. */
  public CheckedProgram check(Program snippet, Diagnostics out) {
    cx.out = out;
    int before = out.errorCount();
    var modules = new Modules(cx, loader, Checker::checkFile);
    Scope top = modules.checkSnippet(snippet, session);
    if (out.errorCount() == before) {
      top.symbols().values().forEach(session::put);
    }
    return Checker.result(cx, snippet, List.copyOf(modules.imports()));
  }
}
