package io.slipway.pipeline;

import io.slipway.value.SecretValue;
import io.slipway.value.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code slipway plan}: the stage graph as text, with parallel and matrix groups, {@code needs}
 * and {@code onlyIf}, and the Docker operations knowable without running:
 *
 * <pre>
 * pipeline books-ms
 *   agent debian:bookworm
 *   stage test
 *     docker build Dockerfile.test -> books-ms-tests
 *   parallel
 *     stage lint
 *     stage docs
 *   stage package  (needs: lint, docs)
 *   stage deploy  (onlyIf false: skipped)
 *   post: always, failure
 * </pre>
 */
final class PlanRenderer {
  private PlanRenderer() {}

  static String render(Plan plan) {
    var sb = new StringBuilder("pipeline ").append(plan.pipeline()).append('\n');
    if (plan.agent() != null) {
      sb.append("  agent ").append(Values.show(plan.agent())).append('\n');
    }
    if (!plan.env().isEmpty()) {
      sb.append("  env ").append(env(plan.env())).append('\n');
    }
    StageOptions o = plan.options();
    if (!o.equals(StageOptions.DEFAULT)) {
      sb.append("  options").append(o.timeout() == null ? ""
          : " timeout=" + Values.showDuration(o.timeout()))
          .append(" retries=").append(o.retries()).append(" failFast=").append(o.failFast())
          .append('\n');
    }
    String group = null;
    for (Plan.Stage s : plan.stages()) {
      if (s.group() != null && !s.group().equals(group)) {
        sb.append("  ").append(s.group().substring(0, s.group().indexOf('#')));
        if (!s.groupFailFast()) {
          sb.append(" (failFast = false)");
        }
        sb.append('\n');
      }
      group = s.group();
      String indent = s.group() == null ? "  " : "    ";
      sb.append(indent).append("stage ").append(s.name());
      if (!s.needs().isEmpty()) {
        sb.append("  (needs: ").append(String.join(", ", s.needs())).append(')');
      }
      if (!s.onlyIf()) {
        sb.append("  (onlyIf false: skipped)");
      }
      sb.append('\n');
      for (String op : s.operations()) {
        sb.append(indent).append("  docker ").append(op).append('\n');
      }
    }
    if (!plan.post().isEmpty()) {
      List<String> kinds = plan.post().stream()
          .map(p -> p.kind().name().toLowerCase(java.util.Locale.ROOT)).toList();
      sb.append("  post: ").append(String.join(", ", kinds)).append('\n');
    }
    return sb.toString();
  }

  private static String env(Map<String, Object> env) {
    var sb = new StringBuilder();
    env.forEach((k, v) -> {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(k).append('=').append(v instanceof SecretValue ? SecretValue.MASK
          : Values.show(v));
    });
    return sb.toString();
  }
}
