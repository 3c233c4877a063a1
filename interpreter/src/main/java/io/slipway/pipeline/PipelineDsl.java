package io.slipway.pipeline;

import io.slipway.builtin.CallContext;
import io.slipway.interp.Closure;
import io.slipway.interp.Invocation;
import io.slipway.interp.PlanTrace;
import io.slipway.interp.Undecidable;
import io.slipway.run.Run;
import io.slipway.value.Deferred;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implementations behind the pipeline DSL builtins (declared in the standard library's
 * steps area): building the plan at plan time, and the stage scope's settings at run time.
 *
 * <p>While {@code slipway plan} evaluates, an argument may be a {@link Deferred} value that only
 * the run will know: a stage name or a pipeline-level value is then shown with its holes
 * ({@code deploy-<computed at run time>}), unknown {@code needs} and {@code onlyIf} are marked
 * on the stage, and what decides the graph's shape (a matrix axis, {@code failFast}, options)
 * makes the call {@link Undecidable}.
 */
public final class PipelineDsl {
  private PipelineDsl() {}

  /** {@code pipeline(name) { ... }}: runs the block against a plan builder. */
  public static Object pipeline(CallContext cx, Object name, Object block) {
    Invocation inv = Invocation.of(cx);
    var builder = new PlanBuilder(Values.show(name), cx.file(), cx.span());
    cx.invokeWithReceiver(block, new PlanScope("PipelineScope", builder, null, true), List.of());
    Plan plan = builder.finish();
    cx.run().service(PlanHolder.class, PlanHolder::new).set(plan);
    return Unit.INSTANCE;
  }

  /** {@code stage(name, needs, onlyIf) { ... }} in a pipeline, parallel or matrix block. */
  public static Object stage(CallContext cx, Object scope, Object name, Object needs,
      Object onlyIf, Object block) {
    PlanScope s = (PlanScope) scope;
    Set<String> unknown = new LinkedHashSet<>();
    if (name instanceof Deferred) {
      unknown.add("name");
    }
    List<String> n = new ArrayList<>();
    if (needs instanceof List<?> l) {
      for (Object o : l) {
        if (o instanceof Deferred) {
          unknown.add("needs");
        } else {
          n.add(Values.show(o));
        }
      }
    } else {
      unknown.add("needs");
    }
    if (!(onlyIf instanceof Boolean)) {
      unknown.add("onlyIf");
    }
    String shown = Values.show(name);
    s.builder().addStage(shown, cx.file(), cx.span(), n, !Boolean.FALSE.equals(onlyIf),
        s.group(), s.failFast(), block, unknown);
    Run run = cx.run();
    if (run.planOnly()) {
      run.service(PlanTrace.class, PlanTrace::new)
          .add(new PlanTrace.StageMark(cx.file(), cx.span(), shown));
    }
    return Unit.INSTANCE;
  }

  /** A value that decides the graph's shape: while planning, one known only at run time is undecidable. */
  private static Object known(CallContext cx, Object value) {
    if (value instanceof Deferred d) {
      throw new Undecidable(d, cx.file(), cx.span());
    }
    return value;
  }

  /** {@code parallel(failFast) { ... }}. */
  public static Object parallel(CallContext cx, Object scope, Object failFast, Object block) {
    PlanScope s = (PlanScope) scope;
    Boolean ff = (Boolean) known(cx, failFast); // null: as the pipeline's failFast
    String group = s.builder().newGroup("parallel");
    cx.invokeWithReceiver(block, new PlanScope("ParallelScope", s.builder(), group, ff),
        List.of());
    return Unit.INSTANCE;
  }

  /**
   * {@code matrix("a" to listOf(..), "b" to listOf(..)) { ... }}: runs the block once per
   * combination (first axis outermost) with one {@code val} per axis.
   */
  public static Object matrix(CallContext cx, Object scope, List<?> axes, Object block) {
    PlanScope s = (PlanScope) scope;
    String group = s.builder().newGroup("matrix");
    List<Map<String, Object>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Object axis : axes) {
      Pair p = (Pair) known(cx, axis);
      String name = Values.show(known(cx, p.first()));
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> c : combos) {
        for (Object v : (List<?>) known(cx, p.second())) {
          var m = new LinkedHashMap<>(c);
          m.put(name, v);
          next.add(m);
        }
      }
      combos = next;
    }
    var receiver = new PlanScope("MatrixScope", s.builder(), group, null);
    Invocation inv = Invocation.of(cx);
    for (Map<String, Object> c : combos) {
      if (block instanceof Closure closure) {
        closure.callWith(inv.evaluator(), receiver, List.of(), c);
      } else {
        throw SlipException.error("matrix block must be a lambda");
      }
    }
    return Unit.INSTANCE;
  }

  /** {@code post { always { } success { } failure { } }}. */
  public static Object post(CallContext cx, Object scope, Object block) {
    PlanScope s = (PlanScope) scope;
    cx.invokeWithReceiver(block, new PlanScope("PostScope", s.builder(), null, true), List.of());
    return Unit.INSTANCE;
  }

  /** {@code always/success/failure { }} in {@code post}. */
  public static Object postBlock(CallContext cx, Object scope, Plan.Post.Kind kind,
      Object block) {
    ((PlanScope) scope).builder().addPost(kind, cx.file(), cx.span(), block);
    return Unit.INSTANCE;
  }

  /** {@code agent(image)} at pipeline or stage level. */
  public static Object agent(Object scope, Object image) {
    switch (scope) {
      case PlanScope p -> p.builder().agent(image);
      case StageScope s -> s.context().agent(image);
      default -> throw SlipException.error("`agent` is not allowed here");
    }
    return Unit.INSTANCE;
  }

  /** {@code env("K" to "v", ...)} at pipeline or stage level. */
  public static Object env(Object scope, List<?> pairs) {
    Map<String, Object> vars = pairs(pairs);
    switch (scope) {
      case PlanScope p -> p.builder().env(vars);
      case StageScope s -> s.context().env(vars);
      default -> throw SlipException.error("`env` is not allowed here");
    }
    return Unit.INSTANCE;
  }

  /** {@code options(timeout, retries, failFast)} at pipeline or stage level. */
  public static Object options(CallContext cx, Object scope, Object timeout, Object retryCount,
      Object failFastFlag) {
    known(cx, timeout);
    long retries = (Long) known(cx, retryCount);
    boolean failFast = (Boolean) known(cx, failFastFlag);
    if (retries < 0) {
      throw SlipException.error("retries must not be negative, got " + retries);
    }
    var o = new StageOptions((Duration) timeout, retries, failFast);
    switch (scope) {
      case PlanScope p -> p.builder().options(o);
      case StageScope s -> s.context().options(o);
      default -> throw SlipException.error("`options` is not allowed here");
    }
    return Unit.INSTANCE;
  }

  /** Environment pairs as a map, names shown as strings, values kept (String or Secret). */
  public static Map<String, Object> pairs(List<?> pairs) {
    var vars = new LinkedHashMap<String, Object>();
    for (Object o : pairs) {
      Pair p = (Pair) o;
      vars.put(Values.show(p.first()), p.second());
    }
    return vars;
  }
}
