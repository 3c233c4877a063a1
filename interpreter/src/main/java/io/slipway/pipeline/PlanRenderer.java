package io.slipway.pipeline;

import io.slipway.interp.PlanTrace;
import io.slipway.interp.StepText;
import io.slipway.value.Deferred;
import io.slipway.value.SecretValue;
import io.slipway.value.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code slipway plan}: the stage graph as text, with parallel and matrix groups, {@code needs}
 * and {@code onlyIf}, and under each stage what it will do, values evaluated where plan time
 * knows them:
 *
 * <pre>
 * pipeline books-ms
 *   before the stages
 *     sh git fetch --tags
 *   stage test
 *     docker build dockerfile=Dockerfile.test tag=books-ms-tests:slipway-books-ms-12
 *     docker run books-ms-tests:slipway-books-ms-12 command=[./run-tests.sh]
 *   parallel
 *     stage lint
 *       ? `if (r.exitCode != 0) { ... }` (line 14) depends on `sh("make lint", check = false)` (line 13), known only at run time
 *     stage docs
 *   stage package  (needs: lint, docs)
 *   stage deploy  (onlyIf false: skipped)
 *   post always
 * </pre>
 */
final class PlanRenderer {
  private PlanRenderer() {}

  static String render(PlanPreview preview) {
    Plan plan = preview.plan();
    var sb = new StringBuilder("pipeline ").append(plan.pipeline()).append('\n');
    if (plan.agent() != null) {
      sb.append("  agent ").append(StepText.label(plan.agent())).append('\n');
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
    List<PlanTrace.Entry> before = preview.main().stream()
        .filter(e -> e instanceof PlanTrace.Operation || e instanceof PlanTrace.Omitted).toList();
    if (!before.isEmpty()) {
      sb.append("  before the stages\n");
      before.forEach(e -> entry(sb, "    ", e));
    }
    boolean marks = preview.main().stream().anyMatch(e -> e instanceof PlanTrace.StageMark);
    String[] group = {null};
    for (PlanTrace.Entry e : preview.main()) {
      switch (e) {
        case PlanTrace.StageMark m -> stage(sb, preview, plan.stage(m.name()), group);
        case PlanTrace.Undecided u -> entry(sb, "  ", u);
        case PlanTrace.Failure f -> entry(sb, "  ", f);
        default -> { }
      }
    }
    if (!marks) { // a graph without trace (a run's plan): every stage in order
      plan.stages().forEach(s -> stage(sb, preview, s, group));
    }
    if (preview.post().isEmpty()) {
      if (!plan.post().isEmpty()) {
        List<String> kinds = plan.post().stream()
            .map(p -> p.kind().name().toLowerCase(Locale.ROOT)).toList();
        sb.append("  post: ").append(String.join(", ", kinds)).append('\n');
      }
    } else {
      for (int i = 0; i < plan.post().size(); i++) {
        sb.append("  post ").append(plan.post().get(i).kind().name().toLowerCase(Locale.ROOT))
            .append('\n');
        section(sb, "    ", preview.post().get(i), plan.agent());
      }
    }
    return sb.toString();
  }

  private static void stage(StringBuilder sb, PlanPreview preview, Plan.Stage s,
      String[] group) {
    if (s == null) {
      return;
    }
    if (s.group() != null && !s.group().equals(group[0])) {
      sb.append("  ").append(s.group(), 0, s.group().indexOf('#'));
      if (!s.groupFailFast()) {
        sb.append(" (failFast = false)");
      }
      sb.append('\n');
    }
    group[0] = s.group();
    String indent = s.group() == null ? "  " : "    ";
    sb.append(indent).append("stage ").append(s.name());
    if (s.unknown().contains("needs")) {
      sb.append("  (needs: ").append(String.join(", ", s.needs()))
          .append(s.needs().isEmpty() ? "" : ", ").append(Deferred.TEXT).append(')');
    } else if (!s.needs().isEmpty()) {
      sb.append("  (needs: ").append(String.join(", ", s.needs())).append(')');
    }
    if (s.unknown().contains("onlyIf")) {
      sb.append("  (onlyIf ").append(Deferred.TEXT).append(')');
    } else if (!s.onlyIf()) {
      sb.append("  (onlyIf false: skipped)");
    }
    sb.append('\n');
    PlanPreview.Section section = preview.stages().get(s.name());
    if (section != null) {
      section(sb, indent + "  ", section, preview.plan().agent());
    }
  }

  private static void section(StringBuilder sb, String indent, PlanPreview.Section section,
      Object pipelineAgent) {
    if (section.agent() != null && !Objects.equals(section.agent(), pipelineAgent)) {
      sb.append(indent).append("agent ").append(StepText.label(section.agent())).append('\n');
    }
    section.entries().forEach(e -> entry(sb, indent, e));
  }

  private static void entry(StringBuilder sb, String indent, PlanTrace.Entry e) {
    switch (e) {
      case PlanTrace.Operation op -> sb.append(indent).append("  ".repeat(op.depth()))
          .append(op.text()).append('\n');
      case PlanTrace.Undecided u -> sb.append(indent).append("? ").append(u.statement())
          .append(u.line() > 0 ? " (line " + u.line() + ")" : "").append(" depends on ")
          .append(u.cause()).append(", known only at run time\n");
      case PlanTrace.Failure f -> sb.append(indent).append("! fails")
          .append(f.line() > 0 ? " (line " + f.line() + ")" : "").append(": ").append(f.error())
          .append('\n');
      case PlanTrace.Omitted m -> sb.append(indent).append("... ").append(m.count())
          .append(" more\n");
      case PlanTrace.StageMark m -> { }
    }
  }

  private static String env(Map<String, Object> env) {
    var sb = new StringBuilder();
    env.forEach((k, v) -> {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(k).append('=').append(v instanceof SecretValue ? SecretValue.MASK
          : StepText.label(v));
    });
    return sb.toString();
  }
}
