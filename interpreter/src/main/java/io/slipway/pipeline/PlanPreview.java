package io.slipway.pipeline;

import io.slipway.interp.Cancelled;
import io.slipway.interp.Evaluator;
import io.slipway.interp.Interpreter;
import io.slipway.interp.PlanTrace;
import io.slipway.interp.Undecidable;
import io.slipway.run.Run;
import io.slipway.run.StageAttempt;
import io.slipway.scope.ResourceScope;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code slipway plan} prints: the stage graph, and for the top level, every stage and
 * every post block what it will do, in order, as far as plan time can tell. Stage bodies are
 * evaluated by the interpreter in its planning mode ({@link Run#planOnly()}): nothing with a
 * side effect runs, such calls are listed as operations with their evaluated arguments.
 *
 * @param main the top level's and the pipeline block's entries, with a mark where each stage
 *     was declared
 * @param stages each evaluated stage's section by name (skipped stages have none)
 * @param post one section per post block, in declaration order
 */
public record PlanPreview(Plan plan, List<PlanTrace.Entry> main, Map<String, Section> stages,
    List<Section> post) {

  public PlanPreview {
    main = List.copyOf(main);
    stages = Map.copyOf(stages);
    post = List.copyOf(post);
  }

  /** One body's entries and the agent its commands run in (null: the host). */
  public record Section(Object agent, List<PlanTrace.Entry> entries) {
    public Section {
      entries = List.copyOf(entries);
    }
  }

  /**
   * Evaluates every stage body, in an order the scheduler may run them, then the post blocks,
   * with the interpreter that built {@code plan} (so that stages see what the top level and
   * earlier stages left). {@code main} is what the top level recorded.
   */
  public static PlanPreview evaluate(Plan plan, Interpreter interp, List<PlanTrace.Entry> main) {
    Run run = interp.run();
    PlanTrace trace = run.service(PlanTrace.class, PlanTrace::new);
    Map<String, Section> stages = new LinkedHashMap<>();
    for (Plan.Stage s : runOrder(plan)) {
      if (s.onlyIf()) {
        stages.put(s.name(), body(plan, interp, trace, s.name(), s.body(), s.file(), s.span(),
            true));
      }
    }
    List<Section> post = new ArrayList<>();
    for (Plan.Post p : plan.post()) {
      post.add(body(plan, interp, trace, "post", p.body(), p.file(), p.span(), false));
    }
    trace.section(new ArrayList<>());
    return new PlanPreview(plan, main, stages, post);
  }

  private static Section body(Plan plan, Interpreter interp, PlanTrace trace, String name,
      Object body, SourceFile file, Span span, boolean stageScope) {
    List<PlanTrace.Entry> entries = new ArrayList<>();
    trace.section(entries);
    Run run = interp.run();
    StageContext ctx = new StageContext(new StageAttempt(run, name, 1,
        run.scope().child(ResourceScope.Kind.STAGE, name)), plan);
    Evaluator ev = interp.newEvaluator(ctx.attempt(), file);
    ctx.attach(ev);
    try {
      ev.runBody(body, stageScope ? new StageScope(ctx) : null, span, "stage " + name);
    } catch (SlipException e) {
      if (e.span() == null) {
        e.locate(file, span);
      }
      trace.add(new PlanTrace.Failure(e.file(), e.span(),
          e.error().type() + ": " + e.error().message()));
    } catch (Undecidable u) {
      // control flow leaving the body (a `return`) depends on a run-time value
      trace.add(PlanTrace.undecided(u, file, span, "the rest of this block"));
    } catch (Cancelled e) {
      throw e;
    } catch (RuntimeException e) {
      // a defect must not hide the rest of the plan
      trace.add(new PlanTrace.Failure(file, span, "internal error: " + e));
    } finally {
      trace.finish();
      Thread.interrupted();
      ctx.end(true);
    }
    return new Section(ctx.agent(), entries);
  }

  /** The stages in declaration order, each after what it depends on. */
  static List<Plan.Stage> runOrder(Plan plan) {
    List<Plan.Stage> out = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    while (out.size() < plan.stages().size()) {
      boolean progress = false;
      for (Plan.Stage s : plan.stages()) {
        if (!done.contains(s.name()) && done.containsAll(plan.dependencies(s))) {
          out.add(s);
          done.add(s.name());
          progress = true;
        }
      }
      if (!progress) { // a cycle was reported when the plan was built; keep declaration order
        plan.stages().stream().filter(s -> !done.contains(s.name())).forEach(out::add);
        break;
      }
    }
    return out;
  }

  /** The plan as {@code slipway plan} prints it. */
  public String render() {
    return PlanRenderer.render(this);
  }
}
