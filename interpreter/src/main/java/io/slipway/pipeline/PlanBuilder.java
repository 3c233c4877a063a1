package io.slipway.pipeline;

import io.slipway.builtin.PlanException;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Label;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the plan while the {@code pipeline} block runs. Stage names are checked as they are
 * added (names built from templates can only be checked here), {@code needs} once the block has
 * finished, with the same codes the checker uses for literal names.
 */
public final class PlanBuilder {
  private final String pipeline;
  private final SourceFile file;
  private final Span span;
  private final List<Plan.Stage> stages = new ArrayList<>();
  private final List<Plan.Post> post = new ArrayList<>();
  /** Each stage's group setting as written; null follows the pipeline's failFast. */
  private final List<Boolean> groupFailFasts = new ArrayList<>();
  private final Map<String, Object> env = new LinkedHashMap<>();
  private Object agent;
  private StageOptions options = StageOptions.DEFAULT;
  private int groups;

  public PlanBuilder(String pipeline, SourceFile file, Span span) {
    this.pipeline = pipeline;
    this.file = file;
    this.span = span;
  }

  /**
   * Adds a stage; {@code unknown} names what only the run will know (see {@link Plan.Stage}):
   * a name computed at run time is not checked for duplicates.
   */
  public synchronized void addStage(String name, SourceFile f, Span at, List<String> needs,
      boolean onlyIf, String group, Boolean groupFailFast, Object body, Set<String> unknown) {
    for (Plan.Stage s : stages) {
      if (s.name().equals(name) && !unknown.contains("name")) {
        throw new PlanException(Diagnostic.error(Code.E0403, f, at,
            "duplicate stage name `" + name + "`")
            .withRelated(new Label(s.file(), s.span(), "first declared here")));
      }
    }
    stages.add(new Plan.Stage(name, f, at, needs, onlyIf, group,
        groupFailFast == null || groupFailFast, body, unknown));
    groupFailFasts.add(groupFailFast);
  }

  /** A fresh group id for a {@code parallel} or {@code matrix} block. */
  public synchronized String newGroup(String kind) {
    return kind + "#" + (++groups);
  }

  public synchronized void addPost(Plan.Post.Kind kind, SourceFile f, Span at, Object body) {
    post.add(new Plan.Post(kind, f, at, body));
  }

  public synchronized void agent(Object image) {
    this.agent = image;
  }

  public synchronized void env(Map<String, Object> vars) {
    env.putAll(vars);
  }

  public synchronized void options(StageOptions o) {
    this.options = o;
  }

  /** Validates {@code needs} (unknown names, cycles) and returns the plan. */
  public synchronized Plan finish() {
    Set<String> names = new HashSet<>();
    stages.forEach(s -> names.add(s.name()));
    for (Plan.Stage s : stages) {
      for (String n : s.needs()) {
        if (!names.contains(n)) {
          throw new PlanException(Diagnostic.error(Code.E0404, s.file(), s.span(),
              "stage `" + s.name() + "` needs unknown stage `" + n + "`"));
        }
      }
    }
    List<Plan.Stage> resolved = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      Plan.Stage s = stages.get(i);
      Boolean ff = groupFailFasts.get(i);
      resolved.add(new Plan.Stage(s.name(), s.file(), s.span(), s.needs(), s.onlyIf(), s.group(),
          ff == null ? options.failFast() : ff, s.body(), s.unknown()));
    }
    Plan plan = new Plan(pipeline, file, span, resolved, post, agent, env, options,
        StageOrder.dependencies(resolved));
    checkCycles(plan);
    return plan;
  }

  private static void checkCycles(Plan plan) {
    Map<String, Integer> state = new HashMap<>();
    for (Plan.Stage s : plan.stages()) {
      visit(plan, s, state, new ArrayList<>());
    }
  }

  private static void visit(Plan plan, Plan.Stage s, Map<String, Integer> state,
      List<String> path) {
    Integer st = state.get(s.name());
    if (st != null && st == 2) {
      return;
    }
    path.add(s.name());
    if (st != null && st == 1) {
      throw new PlanException(Diagnostic.error(Code.E0405, s.file(), s.span(),
          "cycle in `needs`: " + String.join(" -> ", path)));
    }
    state.put(s.name(), 1);
    for (String d : plan.dependencies(s)) {
      visit(plan, plan.stage(d), state, path);
    }
    state.put(s.name(), 2);
    path.remove(path.size() - 1);
  }
}
