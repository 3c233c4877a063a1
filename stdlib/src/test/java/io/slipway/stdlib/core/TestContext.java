package io.slipway.stdlib.core;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.CallContext;
import io.slipway.run.EventSink;
import io.slipway.run.Run;
import io.slipway.run.SecretMasker;
import io.slipway.run.Session;
import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Calls builtins the way the interpreter does, without it: arguments in declaration order with
 * defaults filled in and varargs collected; lambdas are Java {@link Function}s of the argument list.
 */
final class TestContext implements CallContext {
  static final BuiltinRegistry REGISTRY = Stdlib.registry();
  private final Run run;

  TestContext(Path dir) {
    this.run = new Session("test", dir, EventSink.NONE, new SecretMasker(), () -> {
      throw new IllegalStateException("no engine in stdlib tests");
    }).newRun("run-1");
  }

  TestContext() {
    this(Path.of("."));
  }

  /** A lambda of one or more parameters. */
  static Function<List<Object>, Object> fn(Function<List<Object>, Object> f) {
    return f;
  }

  Object call(String name, Object... args) {
    return invokeBuiltin(REGISTRY.function(name).orElseThrow(() -> new AssertionError("no function " + name)), null, args);
  }

  /** Calls {@code owner.name} on {@code receiver}, looking up the owner's supertypes as dispatch does. */
  Object method(String owner, String name, Object receiver, Object... args) {
    String o = owner;
    while (o != null) {
      var f = REGISTRY.method(o, name);
      if (f.isPresent()) {
        return invokeBuiltin(f.get(), receiver, args);
      }
      var t = REGISTRY.type(o).orElseThrow();
      o = t.supertypes().isEmpty() ? (o.equals("Any") ? null : "Any") : t.supertypes().get(0);
    }
    throw new AssertionError("no method " + owner + "." + name);
  }

  /** A global value such as {@code git} or {@code http}. */
  Object call0(String global) {
    return prop(null, global, null);
  }

  Object prop(String owner, String name, Object receiver) {
    try {
      return REGISTRY.property(owner, name).orElseThrow(() -> new AssertionError("no property " + owner + "." + name))
          .getter().get(this, receiver);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Object invokeBuiltin(BuiltinFunction f, Object receiver, Object[] given) {
    var args = new Object[f.params().size()];
    for (int i = 0; i < args.length; i++) {
      BuiltinParam p = f.params().get(i);
      if (p.vararg()) {
        args[i] = new ArrayList<>(Arrays.asList(given).subList(Math.min(i, given.length), given.length));
      } else if (i < given.length) {
        args[i] = given[i];
      } else if (p.required()) {
        throw new AssertionError("missing argument " + p.name() + " of " + f.qualifiedName());
      } else {
        args[i] = p.defaultValue();
      }
    }
    try {
      return f.impl().call(this, receiver, args);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public SourceFile file() {
    return null;
  }

  @Override
  public Span span() {
    return null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object invoke(Object function, List<Object> args) {
    return ((Function<List<Object>, Object>) function).apply(args);
  }

  @Override
  public Object invokeWithReceiver(Object function, Object receiver, List<Object> args) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Run run() {
    return run;
  }

  @Override
  public StageAttempt attempt() {
    return null;
  }

  @Override
  public ResourceScope scope() {
    return run.scope();
  }

  @Override
  public <T> T inScope(ResourceScope inner, java.util.function.Supplier<T> body) {
    return body.get();
  }

  @Override
  public <T> T catching(java.util.function.Supplier<T> body) {
    return body.get();
  }
}
