package io.slipway.pipeline;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Effect;
import io.slipway.interp.Closure;
import io.slipway.interp.DataObject;
import io.slipway.interp.Env;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Block;
import io.slipway.syntax.ast.CatchClause;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.syntax.ast.TemplatePart;
import io.slipway.syntax.ast.WhenBranch;
import io.slipway.syntax.ast.WhenCond;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the Docker operations of a stage body without running it, for {@code slipway plan}:
 * every call of a builtin with {@link Effect#DOCKER}, with its arguments where they are known at
 * plan time (literals, and templates over variables already bound, such as params). Unknown
 * parts are shown as written.
 */
public final class DockerOpsScanner {
  private final BuiltinRegistry registry;
  private final Closure body;
  private final List<String> out = new ArrayList<>();

  DockerOpsScanner(BuiltinRegistry registry, Closure body) {
    this.registry = registry;
    this.body = body;
  }

  List<String> scan() {
    block(body.lambda().body());
    return out;
  }

  /**
   * True when any of the programs (functions included) declares an agent or calls a builtin with
   * the {@link Effect#DOCKER} effect: such a run will very likely need the engine, so the facade
   * may connect to it while the rest of the run is being prepared. A pipeline this says no to
   * has no Docker operation anywhere in its source, so its run never calls the engine factory.
   */
  public static boolean usesDocker(BuiltinRegistry registry, List<io.slipway.syntax.ast.Program> programs) {
    var scanner = new DockerOpsScanner(registry, null);
    for (var p : programs) {
      for (Stmt s : p.items()) {
        scanner.stmt(s);
        if (!scanner.out.isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private void block(Block b) {
    if (b != null) {
      b.stmts().forEach(this::stmt);
    }
  }

  private void stmt(Stmt s) {
    switch (s) {
      case Stmt.ExprStmt e -> expr(e.expr());
      case Stmt.VarDecl v -> expr(v.init());
      case Stmt.Destructure d -> expr(d.init());
      case Stmt.Assign a -> {
        expr(a.target());
        expr(a.value());
      }
      case Stmt.For f -> {
        expr(f.iterable());
        block(f.body());
      }
      case Stmt.While w -> {
        expr(w.condition());
        block(w.body());
      }
      case Stmt.DoWhile d -> {
        block(d.body());
        expr(d.condition());
      }
      case Stmt.Return r -> expr(r.value());
      case Stmt.Throw t -> expr(t.value());
      case Stmt.FunDecl f -> {
        if (body == null) { // usesDocker: a function may be where the Docker calls are
          block(f.body());
          expr(f.exprBody());
        }
      }
      case Stmt.DataClass d -> { }
      case Stmt.Import i -> { }
      case Stmt.ParamDecl p -> { }
      case Stmt.Break b -> { }
      case Stmt.Continue c -> { }
    }
  }

  private void expr(Expr e) {
    if (e == null) {
      return;
    }
    switch (e) {
      case Expr.Call c -> {
        call(c);
        if (c.callee() instanceof Expr.Member m) {
          expr(m.target());
        }
        c.args().forEach(a -> expr(a.value()));
        expr(c.trailing());
      }
      case Expr.Member m -> expr(m.target());
      case Expr.Index i -> {
        expr(i.target());
        expr(i.index());
      }
      case Expr.Unary u -> expr(u.operand());
      case Expr.NotNull n -> expr(n.operand());
      case Expr.Binary b -> {
        expr(b.left());
        expr(b.right());
      }
      case Expr.InfixCall i -> {
        expr(i.left());
        expr(i.right());
      }
      case Expr.Is i -> expr(i.operand());
      case Expr.As a -> expr(a.operand());
      case Expr.Lambda l -> block(l.body());
      case Expr.If i -> {
        expr(i.condition());
        expr(i.then());
        expr(i.otherwise());
      }
      case Expr.When w -> {
        expr(w.subject());
        for (WhenBranch br : w.branches()) {
          for (WhenCond c : br.conditions()) {
            switch (c) {
              case WhenCond.Value v -> expr(v.expr());
              case WhenCond.In in -> expr(in.range());
              case WhenCond.Is is -> { }
            }
          }
          expr(br.body());
        }
      }
      case Expr.Try t -> {
        block(t.body());
        for (CatchClause c : t.catches()) {
          block(c.body());
        }
        block(t.finallyBlock());
      }
      case Expr.BlockExpr b -> block(b.block());
      case Expr.Str s -> s.parts().forEach(p -> {
        if (p instanceof TemplatePart.Interpolation i) {
          expr(i.expr());
        }
      });
      default -> { }
    }
  }

  private void call(Expr.Call c) {
    String receiver = null;
    String name;
    boolean docker;
    if (c.callee() instanceof Expr.Name n && n.id().equals("agent") && !c.args().isEmpty()) {
      // the stage's agent container, started at its first command
      out.add(body == null ? "agent" : "agent " + show(c.args().get(0).value()));
      return;
    }
    if (c.callee() instanceof Expr.Name n) {
      name = n.id();
      docker = registry.function(name).map(f -> f.effects().contains(Effect.DOCKER))
          .orElse(false);
    } else if (c.callee() instanceof Expr.Member m) {
      name = m.name().text();
      docker = isDockerMethod(name);
      receiver = body == null ? null : source(m.target());
    } else {
      return;
    }
    if (!docker || body == null) {
      if (docker) {
        out.add(name); // usesDocker needs no arguments
      }
      return;
    }
    var sb = new StringBuilder(name);
    if (receiver != null) {
      sb.append(' ').append(receiver);
    }
    String tag = null;
    String dockerfile = null;
    for (Arg a : c.args()) {
      String v = show(a.value());
      String key = a.name() == null ? null : a.name().text();
      if (name.equals("build") && "tag".equals(key)) {
        tag = v;
      } else if (name.equals("build") && "dockerfile".equals(key)) {
        dockerfile = v;
      } else if (name.equals("build") && "context".equals(key) && dockerfile == null) {
        dockerfile = v;
      } else {
        sb.append(' ').append(key == null ? v : key + "=" + v);
      }
    }
    if (dockerfile != null) {
      sb.append(' ').append(dockerfile);
    }
    if (tag != null) {
      sb.append(" -> ").append(tag);
    }
    out.add(sb.toString());
  }

  private boolean isDockerMethod(String name) {
    boolean any = false;
    for (BuiltinFunction f : registry.functions()) {
      if (f.owner() != null && f.name().equals(name)) {
        if (!f.effects().contains(Effect.DOCKER)) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  /** An argument as known at plan time: literal text, or a template over bound variables. */
  private String show(Expr e) {
    return switch (e) {
      case Expr.Str s -> {
        var sb = new StringBuilder();
        for (TemplatePart p : s.parts()) {
          switch (p) {
            case TemplatePart.Text t -> sb.append(t.text());
            case TemplatePart.Interpolation i -> {
              String known = known(i.expr());
              sb.append(known != null ? known : "${" + source(i.expr()) + "}");
            }
          }
        }
        yield sb.toString();
      }
      case Expr.IntLit i -> Long.toString(i.value());
      case Expr.BoolLit b -> Boolean.toString(b.value());
      default -> {
        String known = known(e);
        yield known != null ? known : source(e);
      }
    };
  }

  /** The value of a variable or {@code params.x} already bound when the plan is built. */
  private String known(Expr e) {
    if (e instanceof Expr.Name n) {
      Env.Slot s = body.env().lookup(n.id());
      if (s != null && !s.mutable() && isPlain(s.get())) {
        return Values.show(s.get());
      }
    }
    if (e instanceof Expr.Member m && m.target() instanceof Expr.Name n) {
      Env.Slot s = body.env().lookup(n.id());
      if (s != null && s.get() instanceof DataObject d && d.has(m.name().text())
          && isPlain(d.get(m.name().text()))) {
        return Values.show(d.get(m.name().text()));
      }
    }
    return null;
  }

  private static boolean isPlain(Object v) {
    return v instanceof String || v instanceof Long || v instanceof Boolean;
  }

  private String source(Expr e) {
    return body.file().slice(e.span());
  }
}
