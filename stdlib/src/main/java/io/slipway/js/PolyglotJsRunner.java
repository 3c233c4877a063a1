package io.slipway.js;

import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * GraalVM polyglot behind {@link JsRunner}. One {@link Engine} is shared so that parsed code is
 * cached; every evaluation gets a fresh {@link Context} (no state leaks between snippets) under
 * the {@code CONSTRAINED} sandbox policy: no host access or class lookup, no I/O, no threads,
 * no processes, no native access, no environment, output discarded. A watchdog closes a
 * context that overruns its time limit with {@code cancel = true}; a statement limit stops
 * runaway loops even without the watchdog.
 */
final class PolyglotJsRunner implements JsRunner {
  /** Enough for real data munging (hundreds of millions of simple statements take too long anyway). */
  private static final String SCRIPT_NAME = "script.js";

  static final long STATEMENT_LIMIT = 100_000_000L;

  /** HostAccess.NONE minus mutable target mappings, which the CONSTRAINED policy forbids. */
  private static final HostAccess NO_HOST_ACCESS =
      HostAccess.newBuilder(HostAccess.NONE).allowMutableTargetMappings().build();

  /**
   * Graal's own globals are inert without host and polyglot access, but a script should see
   * plain ECMAScript only (the options that omit them are experimental, which the sandbox
   * policy forbids), so they are deleted before the snippet runs. {@code console} and
   * {@code print} stay: their output goes to a null stream.
   */
  private static final Source PRELUDE = Source.create("js",
      "for (const k of ['Polyglot', 'Graal', 'Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net']) delete globalThis[k];");

  private final Engine engine;
  private final ScheduledExecutorService watchdog;

  PolyglotJsRunner() {
    this.engine = Engine.newBuilder("js")
        .sandbox(SandboxPolicy.CONSTRAINED)
        .option("engine.WarnInterpreterOnly", "false")
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .build();
    this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "slipway-js-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  private Context newContext() {
    return Context.newBuilder("js")
        .engine(engine)
        .sandbox(SandboxPolicy.CONSTRAINED)
        .allowHostAccess(NO_HOST_ACCESS)
        .allowHostClassLookup(name -> false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowCreateProcess(false)
        .allowNativeAccess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .resourceLimits(ResourceLimits.newBuilder().statementLimit(STATEMENT_LIMIT, null).build())
        .out(OutputStream.nullOutputStream())
        .err(OutputStream.nullOutputStream())
        .build();
  }

  @Override
  public JsResult eval(String code, Duration timeout) {
    return run(code, timeout, (ctx, fn) -> fn);
  }

  @Override
  public JsResult call(String code, String argsJson, Duration timeout) {
    return run(code, timeout, (ctx, fn) -> {
      if (!fn.canExecute()) {
        throw SlipException.error("js: the script is not a function");
      }
      Value args = json(ctx).getMember("parse").execute(argsJson);
      Object[] values = new Object[(int) args.getArraySize()];
      for (int i = 0; i < values.length; i++) {
        values[i] = args.getArrayElement(i);
      }
      return fn.execute(values);
    });
  }

  private interface Step {
    Value apply(Context ctx, Value scriptValue);
  }

  private JsResult run(String code, Duration timeout, Step step) {
    Source source = Source.newBuilder("js", code, SCRIPT_NAME).cached(true).buildLiteral();
    try (Context ctx = newContext()) {
      ctx.eval(PRELUDE);
      ScheduledFuture<?> alarm = watchdog.schedule(() -> ctx.close(true), timeout.toNanos(), TimeUnit.NANOSECONDS);
      try {
        Value v = step.apply(ctx, ctx.eval(source));
        if (v.canExecute()) {
          return new JsResult.Function();
        }
        Value text = json(ctx).getMember("stringify").execute(v);
        return new JsResult.Json(text.isNull() ? "null" : text.asString());
      } catch (PolyglotException e) {
        throw translate(e, timeout);
      } finally {
        alarm.cancel(false);
      }
    } catch (PolyglotException e) {
      // closing a context that the watchdog already cancelled
      throw translate(e, timeout);
    } catch (IllegalStateException e) {
      throw new SlipException("Timeout", "js: the script did not finish within " + Values.showDuration(timeout));
    }
  }

  /** Where in the snippet it failed: the error's own location, else the innermost script frame. */
  private static int scriptLine(PolyglotException e) {
    if (inScript(e.getSourceLocation())) {
      return e.getSourceLocation().getStartLine();
    }
    for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
      if (f.isGuestFrame() && inScript(f.getSourceLocation())) {
        return f.getSourceLocation().getStartLine();
      }
    }
    return 0;
  }

  private static boolean inScript(SourceSection s) {
    return s != null && s.getSource() != null && SCRIPT_NAME.equals(s.getSource().getName());
  }

  private static Value json(Context ctx) {
    return ctx.getBindings("js").getMember("JSON");
  }

  private static SlipException translate(PolyglotException e, Duration timeout) {
    if (e.isCancelled()) {
      return new SlipException("Timeout", "js: the script did not finish within " + Values.showDuration(timeout));
    }
    if (e.isResourceExhausted()) {
      // Truffle reports its statement limit, the heap and the stack all as "resource exhausted"
      String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (m.contains("statement")) {
        return SlipException.error("js: the script exceeded " + STATEMENT_LIMIT + " statements");
      }
      if (m.contains("stack")) {
        return SlipException.error("js: the script recursed too deeply");
      }
      throw new OutOfMemoryError("js: " + e.getMessage()); // the worker answers "out of memory"
    }
    int line = scriptLine(e);
    return SlipException.error("js: " + e.getMessage() + (line > 0 ? " (script line " + line + ")" : ""));
  }
}
