package io.slipway.pipeline;

import io.slipway.builtin.CallContext;
import io.slipway.interp.Closure;
import io.slipway.interp.Invocation;
import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The implementations behind the pipeline DSL builtins (declared in the standard library's
 * steps area): building the plan at plan time, and the stage scope's settings at run time.
 */
public final class PipelineDsl {
  private PipelineDsl() {}

  /** {@code pipeline(name) { ... }}: runs the block against a plan builder. */
  public static Object pipeline(CallContext cx, String name, Object block) {
    Invocation inv = Invocation.of(cx);
    var builder = new PlanBuilder(name, cx.file(), cx.span(), inv.interpreter().registry());
    cx.invokeWithReceiver(block, new PlanScope("PipelineScope", builder, null, true), List.of());
    Plan plan = builder.finish();
    cx.run().service(PlanHolder.class, PlanHolder::new).set(plan);
    return Unit.INSTANCE;
  }

  /** {@code stage(name, needs, onlyIf) { ... }} in a pipeline, parallel or matrix block. */
  @SuppressWarnings("unchecked")
  public static Object stage(CallContext cx, Object scope, String name, Object needs,
      boolean onlyIf, Object block) {
    PlanScope s = (PlanScope) scope;
    List<String> n = ((List<Object>) needs).stream().map(Values::show).toList();
    s.builder().addStage(name, cx.file(), cx.span(), n, onlyIf, s.group(), s.failFast(), block);
    return Unit.INSTANCE;
  }

  /** {@code parallel(failFast) { ... }}. */
  public static Object parallel(CallContext cx, Object scope, boolean failFast, Object block) {
    PlanScope s = (PlanScope) scope;
    String group = s.builder().newGroup("parallel");
    cx.invokeWithReceiver(block, new PlanScope("ParallelScope", s.builder(), group, failFast),
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
      Pair p = (Pair) axis;
      String name = Values.show(p.first());
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> c : combos) {
        for (Object v : (List<?>) p.second()) {
          var m = new LinkedHashMap<>(c);
          m.put(name, v);
          next.add(m);
        }
      }
      combos = next;
    }
    var receiver = new PlanScope("MatrixScope", s.builder(), group, true);
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
  public static Object options(Object scope, Object timeout, long retries, boolean failFast) {
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
