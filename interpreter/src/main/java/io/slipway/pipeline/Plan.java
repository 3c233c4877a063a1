package io.slipway.pipeline;

import io.slipway.run.Event;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;
import java.util.Map;

/**
 * The stage graph fixed at plan time by running the {@code pipeline} block: stages in
 * declaration order (matrix combinations expanded), their groups, {@code needs} edges and
 * {@code onlyIf} guards, the post blocks and the pipeline-level settings. Stage bodies are not
 * run yet.
 */
public record Plan(String pipeline, SourceFile file, Span span, List<Stage> stages,
    List<Post> post, Object agent, Map<String, Object> env, StageOptions options,
    Map<String, List<String>> dependencies) {

  public Plan {
    stages = List.copyOf(stages);
    post = List.copyOf(post);
    env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
    dependencies = Map.copyOf(dependencies);
  }

  /**
   * One stage.
   *
   * @param group the parallel or matrix group it belongs to, or null
   * @param groupFailFast false when a failure in its group must not stop its siblings
   * @param body the stage block (a lambda whose receiver is the stage scope)
   * @param unknown what {@code slipway plan} could not know of the declaration because it
   *     depends on a value computed at run time: {@code name}, {@code needs}, {@code onlyIf}
   *     (always empty in a run)
   */
  public record Stage(String name, SourceFile file, Span span, List<String> needs,
      boolean onlyIf, String group, boolean groupFailFast, Object body,
      java.util.Set<String> unknown) {
    public Stage {
      needs = List.copyOf(needs);
      unknown = java.util.Set.copyOf(unknown);
    }
  }

  /** A {@code post} block: {@code always}, {@code success}, {@code failure} or {@code aborted}. */
  public record Post(Kind kind, SourceFile file, Span span, Object body) {
    /**
     * When the block runs: {@code ALWAYS} after every run, also a cancelled one; {@code SUCCESS}
     * when no stage failed; {@code FAILURE} when one did; {@code ABORTED} when the run was
     * cancelled (SIGINT, SIGTERM, a rejected gate). A cancelled run runs neither success nor
     * failure blocks.
     */
    public enum Kind {
      ALWAYS, SUCCESS, FAILURE, ABORTED
    }
  }

  public Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * What a stage waits for: its {@code needs} when it has some, else the previous stage or group
   * in declaration order (skipping entries that themselves wait for it through {@code needs}).
   */
  public List<String> dependencies(Stage s) {
    return dependencies.getOrDefault(s.name(), List.of());
  }

  /** The stages as announced in {@code RunStarted}. */
  public List<Event.StageInfo> stageInfos() {
    return stages.stream().map(s -> new Event.StageInfo(s.name(), s.needs(), s.group())).toList();
  }

  /** The graph as text: stages, groups, needs, guards (see {@link PlanPreview} for operations). */
  public String render() {
    return PlanRenderer.render(new PlanPreview(this, List.of(), Map.of(), List.of()));
  }
}
