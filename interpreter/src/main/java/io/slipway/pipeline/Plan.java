package io.slipway.pipeline;

import io.slipway.run.Event;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stage graph fixed at plan time by running the {@code pipeline} block: stages in
 * declaration order (matrix combinations expanded), their groups, {@code needs} edges and
 * {@code onlyIf} guards, the post blocks and the pipeline-level settings. Stage bodies are not
 * run yet.
 */
public record Plan(String pipeline, SourceFile file, Span span, List<Stage> stages,
    List<Post> post, Object agent, Map<String, Object> env, StageOptions options) {

  public Plan {
    stages = List.copyOf(stages);
    post = List.copyOf(post);
    env = Map.copyOf(env);
  }

  /**
   * One stage.
   *
   * @param group the parallel or matrix group it belongs to, or null
   * @param groupFailFast false when a failure in its group must not stop its siblings
   * @param body the stage block (a lambda whose receiver is the stage scope)
   * @param operations the Docker operations knowable without running, e.g.
   *     {@code build Dockerfile.test -> books-ms-tests}
   */
  public record Stage(String name, SourceFile file, Span span, List<String> needs,
      boolean onlyIf, String group, boolean groupFailFast, Object body,
      List<String> operations) {
    public Stage {
      needs = List.copyOf(needs);
      operations = List.copyOf(operations);
    }
  }

  /** A {@code post} block: {@code always}, {@code success} or {@code failure}. */
  public record Post(Kind kind, SourceFile file, Span span, Object body) {
    /** When the block runs. */
    public enum Kind {
      ALWAYS, SUCCESS, FAILURE
    }
  }

  public Stage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * What each stage waits for: its {@code needs} when it has some, else every stage of the
   * previous group or the previous stage in declaration order.
   */
  public List<String> dependencies(Stage s) {
    if (!s.needs().isEmpty()) {
      return s.needs();
    }
    List<String> previous = new ArrayList<>();
    String prevGroup = null;
    int i = stages.indexOf(s);
    for (int j = i - 1; j >= 0; j--) {
      Stage p = stages.get(j);
      if (s.group() != null && s.group().equals(p.group())) {
        continue;
      }
      if (previous.isEmpty()) {
        previous.add(p.name());
        prevGroup = p.group();
        if (prevGroup == null) {
          break;
        }
      } else if (prevGroup.equals(p.group())) {
        previous.add(0, p.name());
      } else {
        break;
      }
    }
    return previous;
  }

  /** The stages as announced in {@code RunStarted}. */
  public List<Event.StageInfo> stageInfos() {
    return stages.stream().map(s -> new Event.StageInfo(s.name(), s.needs(), s.group())).toList();
  }

  /** The plan as text, for {@code slipway plan}: stages, groups, needs, guards, Docker ops. */
  public String render() {
    return PlanRenderer.render(this);
  }
}
