package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.Effect;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import io.slipway.value.Deferred;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How the interpreter evaluates a program for {@code slipway plan}: the same evaluator runs the
 * top level, the pipeline block and then every stage body, but a builtin runs only when every
 * effect it declares {@link Effect#atPlanTime() may run while planning}. Any other call is
 * recorded in the {@link PlanTrace} as an operation, with its arguments as evaluated, and
 * stands for a {@link Deferred} value; whatever is computed from that value is deferred too,
 * and a statement whose control flow depends on one is skipped and listed as undecided
 * ({@link #absorb}). Nothing outside the process is touched.
 */
final class PlanTime {
  /** Returned by {@link #intercept} when the builtin is to run as usual. */
  static final Object PROCEED = new Object();

  private PlanTime() {}

  /** The trace of a planning run. */
  static PlanTrace trace(Evaluator ev) {
    return ev.interp.run().service(PlanTrace.class, PlanTrace::new);
  }

  /**
   * Decides a builtin call at plan time: {@link #PROCEED} to run it, else its deferred result
   * (the call recorded as an operation when it may not run now).
   */
  static Object intercept(Evaluator ev, BuiltinFunction f, Object receiver, Object[] args,
      Span at) {
    if (f.effects().contains(Effect.PLAN)) {
      return PROCEED; // builds the graph; takes deferred arguments itself
    }
    if (trace(ev).isBlockReceiver(receiver)) {
      // configures a planned call from inside its block (a link's latency): listed under that
      // call, without the receiver, which only stands for the block's scope
      return planned(ev, f, null, args, at);
    }
    if (!f.effects().stream().allMatch(Effect::atPlanTime)) {
      return planned(ev, f, receiver, args, at);
    }
    Deferred d = receiver instanceof Deferred r ? r : Deferred.first(args);
    if (d != null) {
      return d.derive(typeName(f.result()), null);
    }
    return PROCEED;
  }

  /** The call is one of the run's operations: recorded, and its result deferred. */
  static Deferred planned(Evaluator ev, BuiltinFunction f, Object receiver, Object[] args,
      Span at) {
    String prefix = f.effects().contains(Effect.DOCKER) ? "docker " : "";
    PlanTrace trace = trace(ev);
    trace.add(new PlanTrace.Operation(ev.file(), at, prefix + StepText.full(f, receiver, args),
        trace.depth()));
    runBlocks(ev, f, args);
    return new Deferred(typeName(f.result()), resultLabel(f, receiver, args),
        origin(ev.file(), at));
  }

  /**
   * Runs the blocks a deferred builtin takes ({@code waitUntil}'s condition, a {@code link}'s
   * faults) once, with deferred arguments and receiver, so that the operations inside them are
   * listed too, under the call: a block with a receiver lists the calls made on it (they
   * configure the call: {@code latency 200ms}), whatever their effects.
   */
  private static void runBlocks(Evaluator ev, BuiltinFunction f, Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Callable c && f.params().get(i).type() instanceof Type.FnType fn) {
        List<Object> in = new ArrayList<>();
        fn.params().forEach(p -> in.add(new Deferred(typeName(p), null, null)));
        Object receiver = fn.receiver() == null ? null
            : new Deferred(typeName(fn.receiver()), null, null);
        trace(ev).inBlock(receiver, () -> {
          try {
            c.call(ev, receiver, in, Map.of(), null);
          } catch (SlipException e) {
            // the builtin decides at run time what a failure of its block means
          }
        });
      }
    }
  }

  /** A property read at plan time: deferred on a deferred value, else {@link #PROCEED}. */
  static Object read(BuiltinProperty p, Object target) {
    if (target instanceof Deferred d) {
      return d.derive(typeName(p.type()), null);
    }
    return PROCEED;
  }

  /**
   * A builtin that failed at plan time with a Java exception because a deferred value reached
   * it inside a list or a map (or because it tried to reach the engine or the host without
   * declaring it): its result is deferred too. Null when the failure is a real one.
   */
  static Deferred failed(Evaluator ev, BuiltinFunction f, Object receiver, Object[] args,
      Span at, Exception e) {
    if (e instanceof NotAtPlanTime) {
      return planned(ev, f, receiver, args, at);
    }
    Deferred d = nested(receiver);
    for (int i = 0; d == null && i < args.length; i++) {
      d = nested(args[i]);
    }
    return d == null ? null : d.derive(typeName(f.result()), null);
  }

  /** The first deferred value inside {@code v} (lists, maps, their elements), or null. */
  static Deferred nested(Object v) {
    return switch (v) {
      case Deferred d -> d;
      case Collection<?> c -> {
        for (Object o : c) {
          Deferred d = nested(o);
          if (d != null) {
            yield d;
          }
        }
        yield null;
      }
      case Map<?, ?> m -> {
        Deferred d = nested(m.keySet());
        yield d != null ? d : nested(m.values());
      }
      case DataObject o -> {
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < o.size(); i++) {
          parts.add(o.component(i));
        }
        yield nested(parts);
      }
      case null, default -> null;
    };
  }

  /**
   * Skips a statement whose control flow depends on a deferred value: lists it as undecided,
   * makes every variable it declares or assigns deferred, and returns true. False when the
   * statement cannot be skipped alone (a {@code break}, {@code continue} or {@code return}
   * inside it leaves it): then an enclosing statement is skipped.
   */
  static boolean absorb(Evaluator ev, Stmt stmt, Env env, Undecidable u) {
    if (!ev.interp.run().planOnly() || Jumps.leaves(stmt)) {
      return false;
    }
    trace(ev).add(PlanTrace.undecided(u, ev.file(), stmt.span(),
        "`" + head(ev.file(), stmt.span()) + "`"));
    Deferred poison = u.value().derive("Any", null);
    for (String name : Jumps.declared(stmt)) {
      env.define(name, poison, true);
    }
    for (String name : Jumps.assigned(stmt)) {
      Env.Slot slot = env.lookup(name);
      if (slot != null && slot.mutable()) {
        slot.set(poison);
      }
    }
    return true;
  }

  /** Where a deferred value comes from: the call as written. */
  static Deferred.Origin origin(SourceFile file, Span at) {
    return new Deferred.Origin(file, at, shorten(file, at));
  }

  /** A statement by its first line: {@code if (r.exitCode != 0) { ... }}. */
  private static String head(SourceFile file, Span at) {
    String text = file.slice(at).strip();
    int nl = text.indexOf('\n');
    if (nl < 0) {
      return shorten(file, at);
    }
    String first = text.substring(0, nl).strip();
    first = first.length() > 60 ? first.substring(0, 57) + "..." : first;
    return first + (first.endsWith("{") ? " ... }" : " ...");
  }

  private static String shorten(SourceFile file, Span at) {
    if (file == null || at == null) {
      return "?";
    }
    String text = file.slice(at).strip().replaceAll("\\s+", " ");
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  /** What a deferred result is shown as: the argument its declaration says names it. */
  private static String resultLabel(BuiltinFunction f, Object receiver, Object[] args) {
    String by = f.resultNamedBy();
    if (by == null) {
      return null;
    }
    if (by.equals("this")) {
      return receiver == null ? null : StepText.label(receiver);
    }
    for (int i = 0; i < f.params().size(); i++) {
      BuiltinParam p = f.params().get(i);
      if (p.name().equals(by)) {
        return args[i] == null ? null : StepText.label(args[i]);
      }
    }
    return null;
  }

  /** The run-time type name of a declared type, for method lookup on a deferred value. */
  static String typeName(Type t) {
    return switch (t) {
      case Type.ClassType c -> c.name();
      case Type.NullableType n -> typeName(n.inner());
      case Type.FnType fn -> "Function";
      case null, default -> "Any";
    };
  }

}
