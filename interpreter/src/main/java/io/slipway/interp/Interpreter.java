package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Effect;
import io.slipway.check.StaticScope;
import io.slipway.debug.Debugger;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.run.Status;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import io.slipway.value.ExecResult;
import io.slipway.value.SlipException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The program-wide part of the tree-walking interpreter: the builtin registry, the top-level
 * scope, the declared params, the run, the debugger, and the checker's static scopes (for the
 * debugger's view of types). Per-thread evaluation state lives in {@link Evaluator}s it creates
 * (one for the top level, one per stage attempt).
 */
public final class Interpreter {
  private final BuiltinRegistry registry;
  private final RuntimeTypes types;
  private final Operators ops;
  private final Run run;
  private volatile Debugger debugger;
  private volatile Function<Stmt, StaticScope> staticScopes = s -> null;
  private final Env globals = Env.root();
  private final Map<String, Object> paramOverrides;
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final List<Param> paramDecls = new ArrayList<>();
  private final int maxDepth;

  /**
   * @param paramOverrides converted {@code -p} values by param name; the others take their
   *     declared default
   */
  public Interpreter(BuiltinRegistry registry, Run run, Debugger debugger,
      Map<String, Object> paramOverrides, int maxDepth) {
    this.registry = registry;
    this.types = new RuntimeTypes(registry);
    this.ops = new Operators(types);
    this.run = run;
    this.debugger = debugger == null ? Debugger.NONE : debugger;
    // not Map.copyOf: `-p deployTo=null` maps a nullable param to null, which it rejects
    this.paramOverrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(paramOverrides));
    this.maxDepth = maxDepth;
  }

  public Interpreter(BuiltinRegistry registry, Run run) {
    this(registry, run, Debugger.NONE, Map.of(), 2_000);
  }

  public BuiltinRegistry registry() {
    return registry;
  }

  public RuntimeTypes types() {
    return types;
  }

  Operators ops() {
    return ops;
  }

  public Run run() {
    return run;
  }

  /** The installed debugger ({@link Debugger#NONE} when there is none). */
  public Debugger debugger() {
    return debugger;
  }

  /** Installs a debugger; threads see it at their next statement. */
  public void debugger(Debugger d) {
    this.debugger = d == null ? Debugger.NONE : d;
  }

  /**
   * Where the checker's scope at a statement comes from (for example
   * {@code checked.types()::scopeAt}), so that paused frames show static types.
   */
  public void staticScopes(Function<Stmt, StaticScope> lookup) {
    this.staticScopes = lookup;
  }

  /** The checker's scope at {@code s}, or null when unknown. */
  public StaticScope staticScope(Stmt s) {
    return staticScopes.apply(s);
  }

  public Env globals() {
    return globals;
  }

  int maxDepth() {
    return maxDepth;
  }

  /**
   * An evaluator for the calling thread; {@code attempt} is null outside stages. Its innermost
   * cleanup scope is the attempt's, else the run's.
   */
  public Evaluator newEvaluator(StageAttempt attempt, SourceFile file) {
    return newEvaluator(attempt, attempt == null ? run.scope() : attempt.scope(), file);
  }

  /** An evaluator for the calling thread with {@code scope} as its innermost cleanup scope. */
  public Evaluator newEvaluator(StageAttempt attempt, ResourceScope scope, SourceFile file) {
    return new Evaluator(this, attempt, scope, file, List.of(), true);
  }

  /**
   * Runs the top level of the given files (imported libraries first, the pipeline file last):
   * functions and data classes of all files are declared first, then each file's statements
   * run in order. Running the pipeline file's {@code pipeline { }} builds the plan.
   */
  public void load(List<Program> files) {
    for (Program p : files) {
      newEvaluator(null, p.file()).hoist(p.items(), globals);
    }
    for (Program p : files) {
      Evaluator ev = newEvaluator(null, p.file());
      java.util.function.Consumer<String> onCancel = r -> ev.interrupt(new Cancelled(r));
      run.onCancel(onCancel);
      try {
        ev.frames().call("<top level>", p.file(), p.span(), globals, () -> {
          for (Stmt s : p.items()) {
            ev.exec(s, globals);
          }
          return null;
        });
      } finally {
        run.removeCancelListener(onCancel);
      }
    }
  }

  /** Evaluates one statement list in the global scope and returns the last value (the REPL). */
  public Object evalTopLevel(Program p) {
    Evaluator ev = newEvaluator(null, p.file());
    return ev.frames().call("<top level>", p.file(), p.span(), globals,
        () -> ev.execStmtsValue(p.items(), globals));
  }

  void defineParam(Stmt.ParamDecl p, Evaluator ev, Env env) {
    String name = p.name().text();
    Object value = paramOverrides.containsKey(name) ? paramOverrides.get(name)
        : p.defaultValue() == null ? null : ev.eval(p.defaultValue(), env);
    env.define(name, value, false);
    synchronized (params) {
      params.put(name, value);
      paramDecls.removeIf(d -> d.name().text().equals(name));
      paramDecls.add(new Param(p.span(), p.name(), p.type(), p.defaultValue(), true, false));
    }
  }

  /** The {@code params} record: every declared param with its value. */
  public DataObject paramsObject() {
    synchronized (params) {
      var def = new DataClassDef("Params", List.copyOf(paramDecls), globals, null);
      return new DataObject(def, params.values().toArray());
    }
  }

  // ---------------------------------------------------------------- builtin calls

  /** Whether a builtin is a step: reported with step events and debugger hooks. */
  public static boolean isStep(BuiltinFunction f) {
    if (f.effects().contains(Effect.PLAN)) {
      return false;
    }
    return f.effects().contains(Effect.DOCKER) || f.effects().contains(Effect.INTERACTIVE)
        || "Steps".equals(f.category());
  }

  Object invokeBuiltin(Evaluator ev, BuiltinFunction f, Object receiver, Object[] args, Env env,
      Span span) {
    Span at = span == null ? Span.NONE : span;
    SourceFile file = ev.file();
    if (run.planOnly()) {
      Object planned = PlanTime.intercept(ev, f, receiver, args, at);
      if (planned != PlanTime.PROCEED) {
        return planned;
      }
    }
    StageAttempt stage = ev.attempt();
    boolean step = isStep(f) && stage != null;
    int stepNo = 0;
    Instant start = null;
    if (step) {
      stepNo = stage.nextStep();
      String description = describe(f, receiver, args);
      ev.frames().step(stepNo, description, at);
      start = Instant.now();
      run.events().emit(new Event.StepStarted(start, stage.stage(), stepNo, description,
          file == null ? 0 : file.line(at.start())));
    }
    Status status = Status.FAILED;
    Integer exit = null;
    try {
      ev.checkInterrupt();
      Object result = f.impl().call(new Invocation(ev, f, file, at, env), receiver, args);
      status = Status.SUCCESS;
      if (result instanceof ExecResult r) {
        exit = r.exitCode();
      }
      return result;
    } catch (SlipException e) {
      if (e.error().payload() instanceof ExecResult r) {
        exit = r.exitCode();
      }
      throw e;
    } catch (Cancelled | Signals.Return | Signals.Break | Signals.Continue | Undecidable
        | io.slipway.builtin.PlanException e) {
      throw e;
    } catch (InterruptedException e) {
      ev.checkInterrupt();
      throw new Cancelled("interrupted");
    } catch (io.slipway.engine.EngineException e) {
      throw engineFailure(ev, e);
    } catch (Exception e) {
      ev.checkInterrupt();
      if (run.planOnly()) {
        Object deferred = PlanTime.failed(ev, f, receiver, args, at, e);
        if (deferred != null) {
          status = Status.SUCCESS;
          return deferred;
        }
      }
      throw SlipException.error("internal error in `" + f.qualifiedName() + "`: " + e);
    } finally {
      if (step) {
        run.events().emit(new Event.StepFinished(Instant.now(), stage.stage(), stepNo, status,
            Duration.between(start, Instant.now()), exit));
      }
    }
  }

  Object readProperty(Evaluator ev, BuiltinProperty p, Object target, Span span) {
    if (run.planOnly()) {
      Object deferred = PlanTime.read(p, target);
      if (deferred != PlanTime.PROCEED) {
        return deferred;
      }
    }
    try {
      return p.getter().get(new Invocation(ev, null, ev.file(), span, null), target);
    } catch (SlipException | Cancelled | Undecidable e) {
      throw e;
    } catch (NotAtPlanTime e) {
      // an engine or host read while planning: known only at run time
      return new io.slipway.value.Deferred(PlanTime.typeName(p.type()), null,
          PlanTime.origin(ev.file(), span));
    } catch (io.slipway.engine.EngineException e) {
      throw engineFailure(ev, e);
    } catch (Exception e) {
      ev.checkInterrupt();
      throw SlipException.error("internal error reading `" + p.qualifiedName() + "`: " + e);
    }
  }

  /**
   * An engine failure that reached a builtin's boundary: the interruption that cut it short (a
   * timeout, a cancel) if there was one, else an {@code EngineError}.
   */
  private static RuntimeException engineFailure(Evaluator ev, io.slipway.engine.EngineException e) {
    ev.checkInterrupt();
    if (Thread.interrupted()) {
      return new Cancelled("interrupted");
    }
    return EngineFailures.toError(e, null);
  }

  /** A one-line description of a step call: its name, its receiver and its first argument. */
  static String describe(BuiltinFunction f, Object receiver, Object[] args) {
    return StepText.brief(f, receiver, args);
  }
}
