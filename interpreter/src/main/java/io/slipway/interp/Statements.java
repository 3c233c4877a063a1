package io.slipway.interp;

import io.slipway.syntax.ast.AssignOp;
import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Stmt;
import io.slipway.value.Deferred;
import io.slipway.value.ErrorValue;
import io.slipway.value.MapEntry;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes statements for an {@link Evaluator}: declarations, assignments (including Kotlin's
 * in-place {@code +=} on mutable collections), loops with {@code break}/{@code continue},
 * {@code return} and {@code throw}.
 */
final class Statements {
  private final Evaluator ev;

  Statements(Evaluator ev) {
    this.ev = ev;
  }

  void exec(Stmt stmt, Env env) {
    switch (stmt) {
      case Stmt.ExprStmt s -> ev.eval(s.expr(), env);
      case Stmt.VarDecl v -> env.define(v.name().text(),
          v.init() == null ? null : ev.eval(v.init(), env), v.mutable());
      case Stmt.Destructure d -> {
        Object value = ev.eval(d.init(), env);
        for (int i = 0; i < d.names().size(); i++) {
          String n = d.names().get(i).text();
          if (!n.equals("_")) {
            env.define(n, component(value, i), d.mutable());
          }
        }
      }
      case Stmt.Assign a -> assign(a, env);
      case Stmt.For f -> execFor(f, env, null);
      case Stmt.While w -> execWhile(w, env, null);
      case Stmt.DoWhile d -> execDoWhile(d, env, null);
      case Stmt.Labeled l -> {
        String label = l.label().text();
        switch (l.loop()) {
          case Stmt.For f -> execFor(f, env, label);
          case Stmt.While w -> execWhile(w, env, label);
          case Stmt.DoWhile d -> execDoWhile(d, env, label);
          default -> exec(l.loop(), env);
        }
      }
      case Stmt.Break b -> throw Signals.Break.of(b.label());
      case Stmt.Continue c -> throw Signals.Continue.of(c.label());
      case Stmt.Return r -> throw new Signals.Return(r.value() == null ? Unit.INSTANCE
          : ev.eval(r.value(), env), r.label());
      case Stmt.Throw t -> {
        Object v = ev.eval(t.value(), env);
        if (v instanceof ErrorValue err) {
          throw new SlipException(err).locate(ev.file(), t.span());
        }
        throw SlipException.error(Values.show(v)).locate(ev.file(), t.span());
      }
      case Stmt.FunDecl f -> { } // hoisted
      case Stmt.DataClass dc -> { } // hoisted
      case Stmt.TypeAlias a -> { } // only the checker needs it
      case Stmt.Import i -> { } // resolved before the run
      case Stmt.ParamDecl p -> ev.interp.defineParam(p, ev, env);
    }
  }

  private void execWhile(Stmt.While w, Env env, String label) {
    while (ev.truthy(ev.eval(w.condition(), env), w.condition())) {
      ev.checkInterrupt();
      if (!loopBody(() -> ev.execBlock(w.body(), env), label)) {
        break;
      }
    }
  }

  /**
   * Runs one pass of a loop body; false when a {@code break} for this loop ended the loop. A
   * {@code continue} for this loop ends only the pass; those for an outer label go on up.
   */
  private static boolean loopBody(Runnable body, String label) {
    try {
      body.run();
    } catch (Signals.Break b) {
      if (!b.matches(label)) {
        throw b;
      }
      return false;
    } catch (Signals.Continue c) {
      if (!c.matches(label)) {
        throw c;
      }
    }
    return true;
  }

  private void execDoWhile(Stmt.DoWhile d, Env env, String label) {
    while (true) {
      ev.checkInterrupt();
      Env scope = env.child();
      if (!loopBody(() -> ev.execStmtsValue(d.body().stmts(), scope), label)) {
        break;
      }
      if (!ev.truthy(ev.eval(d.condition(), scope), d.condition())) {
        break;
      }
    }
  }

  private void execFor(Stmt.For f, Env env, String label) {
    Object iterable = ev.eval(f.iterable(), env);
    Iterable<?> items = switch (iterable) {
      case Deferred d -> throw new Undecidable(d, ev.file(), f.iterable().span());
      case Iterable<?> it -> it;
      case String s -> s.chars().mapToObj(c -> (Object) (char) c).toList();
      case Map<?, ?> m -> m.entrySet().stream().map(e -> (Object) MapEntry.of(e)).toList();
      case null, default -> throw SlipException.error("cannot iterate over "
          + (iterable == null ? "null" : ev.interp.types().nameOf(iterable)));
    };
    for (Object item : items) {
      ev.checkInterrupt();
      Env scope = env.child();
      if (f.vars().size() == 1) {
        scope.define(f.vars().get(0).text(), item, false);
      } else {
        for (int i = 0; i < f.vars().size(); i++) {
          scope.define(f.vars().get(i).text(), component(item, i), false);
        }
      }
      if (!loopBody(() -> ev.execStmtsValue(f.body().stmts(), scope), label)) {
        break;
      }
    }
  }

  /** {@code componentN()} of a pair, data object, list or map entry. */
  Object component(Object value, int i) {
    return switch (value) {
      case Deferred d -> d.derive("Any", null);
      case Pair p when i < 2 -> i == 0 ? p.first() : p.second();
      case io.slipway.value.Triple t when i < 3 -> i == 0 ? t.first() : i == 1 ? t.second() : t.third();
      case io.slipway.value.IndexedValue v when i < 2 -> i == 0 ? (Object) v.index() : v.value();
      case DataObject d when i < d.size() -> d.component(i);
      case List<?> l when i < l.size() -> l.get(i);
      case Map.Entry<?, ?> e when i < 2 -> i == 0 ? e.getKey() : e.getValue();
      case null, default -> throw SlipException.error("cannot destructure component " + (i + 1)
          + " of " + (value == null ? "null" : ev.interp.types().nameOf(value)));
    };
  }

  private void assign(Stmt.Assign a, Env env) {
    switch (a.target()) {
      case Expr.Name n -> {
        Env.Slot slot = env.lookup(n.id());
        if (slot == null) {
          assignReceiverProperty(a, n.id(), env);
          return;
        }
        Object value = ev.eval(a.value(), env);
        if (a.op() == AssignOp.ADD && addInPlace(slot.get(), value)) {
          return;
        }
        if (!slot.mutable()) {
          throw SlipException.error("cannot assign to `val` `" + n.id() + "`");
        }
        if (a.op() == AssignOp.ASSIGN) {
          slot.set(value);
        } else {
          synchronized (slot) {
            slot.set(compound(a, slot.get(), value));
          }
        }
      }
      case Expr.Member m -> {
        Object target = ev.eval(m.target(), env);
        if (target == null && m.safe() || target instanceof Deferred) {
          return; // a run-time object (only while planning): nothing to change now
        }
        String prop = m.name().text();
        if (!(target instanceof DataObject d) || !d.has(prop)) {
          throw SlipException.error("cannot assign to `" + prop + "`");
        }
        Object value = ev.eval(a.value(), env);
        d.ready(ev).set(prop, a.op() == AssignOp.ASSIGN ? value
            : compound(a, d.get(prop), value));
      }
      case Expr.Index ix -> {
        Object target = ev.eval(ix.target(), env);
        Object index = ev.eval(ix.index(), env);
        Object value = ev.eval(a.value(), env);
        if (a.op() != AssignOp.ASSIGN) {
          value = compound(a, ev.members().index(target, index), value);
        }
        ev.members().setIndex(target, index, value);
      }
      default -> throw SlipException.error("cannot assign to this expression");
    }
  }

  @SuppressWarnings("unchecked")
  /** {@code count += 1} in a member: the innermost receiver's property of that name. */
  private void assignReceiverProperty(Stmt.Assign a, String name, Env env) {
    for (Env e = env; e != null; e = e.parent()) {
      if (e.hasReceiver() && e.receiver() instanceof DataObject d && d.has(name)) {
        Object value = ev.eval(a.value(), env);
        synchronized (d.ready(ev)) {
          d.set(name, a.op() == AssignOp.ASSIGN ? value : compound(a, d.get(name), value));
        }
        return;
      }
    }
    throw SlipException.error("unknown variable `" + name + "`");
  }

  private Object compound(Stmt.Assign a, Object old, Object value) {
    BinaryOp op = switch (a.op()) {
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUB;
      case MUL -> BinaryOp.MUL;
      case DIV -> BinaryOp.DIV;
      case REM -> BinaryOp.REM;
      case ASSIGN -> throw new IllegalStateException();
    };
    if (op == BinaryOp.ADD && addInPlace(old, value)) {
      return old;
    }
    return ev.interp.ops().binary(op, old, value);
  }

  /**
   * {@code xs += x} on a MutableList or MutableMap changes it in place, as Kotlin's
   * {@code plusAssign} does (also through a {@code val}).
   */
  @SuppressWarnings("unchecked")
  private static boolean addInPlace(Object target, Object value) {
    if (target instanceof ArrayList<?> l) {
      if (value instanceof List<?> more) {
        ((List<Object>) l).addAll(more);
      } else {
        ((List<Object>) l).add(value);
      }
      return true;
    }
    if (target instanceof java.util.HashSet<?> set) {
      if (value instanceof java.util.Collection<?> more) {
        ((java.util.Set<Object>) set).addAll(more);
      } else {
        ((java.util.Set<Object>) set).add(value);
      }
      return true;
    }
    if (target instanceof java.util.HashMap<?, ?> m) {
      if (value instanceof io.slipway.value.Pair p) {
        ((Map<Object, Object>) m).put(p.first(), p.second());
        return true;
      }
      if (value instanceof Map<?, ?> more) {
        ((Map<Object, Object>) m).putAll(more);
        return true;
      }
    }
    return false;
  }
}
