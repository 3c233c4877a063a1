package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.CallContext;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The interpreter's {@link CallContext}: one per builtin call, never kept after it returns.
 * Builtins that need the evaluator itself (deadlines, the {@code withEnv} stack, the
 * {@code params} record) reach it through {@link #of(CallContext)}.
 */
public final class Invocation implements CallContext {
  private final Evaluator ev;
  private final BuiltinFunction builtin;
  private final SourceFile file;
  private final Span span;
  private final Env env;

  Invocation(Evaluator ev, BuiltinFunction builtin, SourceFile file, Span span, Env env) {
    this.ev = ev;
    this.builtin = builtin;
    this.file = file;
    this.span = span;
    this.env = env;
  }

  /** The interpreter's context behind a {@link CallContext} handed to a builtin. */
  public static Invocation of(CallContext cx) {
    if (cx instanceof Invocation inv) {
      return inv;
    }
    throw new IllegalArgumentException("not an interpreter call context: " + cx);
  }

  @Override
  public SourceFile file() {
    return file;
  }

  @Override
  public Span span() {
    return span;
  }

  @Override
  public Object invoke(Object function, List<Object> args) {
    return ev.forCurrentThread().callValue(function, null, args, span);
  }

  @Override
  public Object invokeWithReceiver(Object function, Object receiver, List<Object> args) {
    if (receiver == null && function instanceof Closure c) {
      return c.callOnNull(ev.forCurrentThread(), args);
    }
    return ev.forCurrentThread().callValue(function, receiver, args, span);
  }

  @Override
  public Run run() {
    return ev.interp.run();
  }

  @Override
  public StageAttempt attempt() {
    return ev.attempt();
  }

  @Override
  public ResourceScope scope() {
    return ev.scope();
  }

  @Override
  public <T> T inScope(ResourceScope inner, Supplier<T> body) {
    return ev.inScope(inner, body);
  }

  @Override
  public <T> T catching(Supplier<T> body) {
    return ev.catching(body);
  }

  /** The builtin being called, or null for a property read. */
  public BuiltinFunction builtin() {
    return builtin;
  }

  public Evaluator evaluator() {
    return ev;
  }

  public Interpreter interpreter() {
    return ev.interp;
  }

  /** The caller's scope; may be null. */
  public Env env() {
    return env;
  }

  /** Environment variables of enclosing {@code withEnv} blocks. */
  public Map<String, Object> dynamicEnv() {
    return ev.dynamicEnv();
  }

  /** Runs {@code body} with extra environment variables (the {@code withEnv} step). */
  public <T> T withEnv(Map<String, Object> vars, Supplier<T> body) {
    return ev.withEnv(vars, body);
  }
}
