package io.slipway.cli.view;

import io.slipway.run.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code --report FILE.html}: one self-contained page (inline CSS and JS, no external URL) with
 * a Gantt timeline of stages and their steps, each stage's steps, log and error. Bars are
 * positioned in percent of the run's wall time, so widths are proportional to durations; each
 * bar also carries its numbers as {@code data-} attributes for tools and tests.
 */
public final class HtmlReport {
  private HtmlReport() {}

  public static String render(RunModel.Snapshot run) {
    Instant origin = run.started() != null ? run.started() : Instant.now();
    long totalMs = Math.max(1, span(run, origin));
    var sb = new StringBuilder(16_384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(Xml.escape(run.pipeline())).append(" #")
        .append(run.buildNumber()).append(" - ").append(run.status().label())
        .append("</title>\n<style>").append(HtmlAssets.CSS).append("</style></head>\n<body>\n");
    header(sb, run);
    sb.append("<section class=\"gantt\" id=\"timeline\" data-total-ms=\"").append(totalMs)
        .append("\">\n<h2>Timeline</h2>\n");
    axis(sb, totalMs);
    for (RunModel.StageView s : run.stages()) {
      bar(sb, "stage", s.name(), s.name(), s.status(), s.start(), s.duration(), origin, totalMs,
          null);
      for (RunModel.StepState st : s.steps()) {
        bar(sb, "step", s.name(), st.description(), st.status(), st.start(), st.duration(),
            origin, totalMs, st.index());
      }
    }
    sb.append("</section>\n<section class=\"details\">\n<h2>Stages</h2>\n");
    for (RunModel.StageView s : run.stages()) {
      stageDetails(sb, s);
    }
    if (!run.runLog().isEmpty()) {
      sb.append("<details class=\"stage\" id=\"run-log\"><summary>run output</summary>")
          .append("<pre class=\"log\">").append(Xml.escape(lines(run.runLog())))
          .append("</pre></details>\n");
    }
    resources(sb, run.resources());
    sb.append("</section>\n<script>").append(HtmlAssets.JS).append("</script>\n</body></html>\n");
    return sb.toString();
  }

  private static long span(RunModel.Snapshot run, Instant origin) {
    long end = run.elapsed(Instant.now()).toMillis();
    for (RunModel.StageView s : run.stages()) {
      if (s.start() != null) {
        Duration d = s.duration() != null ? s.duration() : Duration.ZERO;
        end = Math.max(end, Duration.between(origin, s.start()).plus(d).toMillis());
      }
    }
    return end;
  }

  private static void header(StringBuilder sb, RunModel.Snapshot run) {
    sb.append("<header><h1>").append(Xml.escape(run.pipeline())).append("</h1>")
        .append("<span class=\"badge ").append(run.status().label()).append("\" id=\"run-status\">")
        .append(run.status().label()).append("</span>")
        .append("<p class=\"meta\">build #").append(run.buildNumber()).append(" &middot; run ")
        .append(Xml.escape(run.runId())).append(" &middot; ").append(Xml.escape(run.file()))
        .append(" &middot; ").append(Durations.format(run.elapsed(Instant.now())));
    if (run.started() != null) {
      sb.append(" &middot; started ")
          .append(run.started().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
    sb.append("</p>");
    if (run.error() != null) {
      sb.append("<pre class=\"error\">").append(Xml.escape(Xml.stripAnsi(run.error())))
          .append("</pre>");
    }
    sb.append("</header>\n");
  }

  private static void axis(StringBuilder sb, long totalMs) {
    sb.append("<div class=\"row axis\"><div class=\"label\"></div><div class=\"track\">");
    for (int i = 0; i <= 4; i++) {
      sb.append("<span class=\"tick\" style=\"left:").append(i * 25).append("%\">")
          .append(Durations.format(Duration.ofMillis(totalMs * i / 4))).append("</span>");
    }
    sb.append("</div><div class=\"dur\"></div></div>\n");
  }

  private static void bar(StringBuilder sb, String kind, String stage, String label,
      Status status, Instant start, Duration duration, Instant origin, long totalMs,
      Integer step) {
    long startMs = start == null ? 0 : Math.max(0, Duration.between(origin, start).toMillis());
    long durMs = duration == null ? 0 : duration.toMillis();
    sb.append("<div class=\"row ").append(kind).append("\" data-stage=\"")
        .append(Xml.escape(stage)).append('"');
    if (step != null) {
      sb.append(" data-step=\"").append(step).append('"');
    }
    sb.append(" data-status=\"").append(status.label()).append("\" data-start-ms=\"")
        .append(startMs).append("\" data-duration-ms=\"").append(durMs).append("\">")
        .append("<div class=\"label\" title=\"").append(Xml.escape(label)).append("\">")
        .append(Xml.escape(label)).append("</div><div class=\"track\">");
    if (start != null) {
      sb.append("<div class=\"bar ").append(status.label()).append("\" style=\"left:")
          .append(pct(startMs, totalMs)).append("%;width:").append(pct(durMs, totalMs))
          .append("%\" title=\"").append(Xml.escape(label)).append(": ")
          .append(status.label()).append(", ").append(Durations.format(duration))
          .append("\"></div>");
    }
    sb.append("</div><div class=\"dur\">").append(status.label()).append(' ')
        .append(duration == null ? "" : Durations.format(duration)).append("</div></div>\n");
  }

  private static void stageDetails(StringBuilder sb, RunModel.StageView s) {
    sb.append("<details class=\"stage\" id=\"stage-").append(Xml.escape(anchor(s.name())))
        .append('"').append(s.status() == Status.FAILED ? " open" : "").append("><summary>")
        .append("<span class=\"badge ").append(s.status().label()).append("\">")
        .append(s.status().label()).append("</span> ").append(Xml.escape(s.name()))
        .append(" <span class=\"meta\">").append(Durations.format(s.duration()))
        .append("</span></summary>\n");
    if (s.error() != null) {
      sb.append("<pre class=\"error\">").append(Xml.escape(Xml.stripAnsi(s.error())))
          .append("</pre>\n");
    }
    if (!s.steps().isEmpty()) {
      sb.append("<table class=\"steps\"><tr><th>#</th><th>step</th><th>line</th>")
          .append("<th>status</th><th>exit</th><th>duration</th></tr>\n");
      for (RunModel.StepState st : s.steps()) {
        sb.append("<tr><td>").append(st.index()).append("</td><td>")
            .append(Xml.escape(st.description())).append("</td><td>")
            .append(st.line() > 0 ? String.valueOf(st.line()) : "").append("</td><td class=\"")
            .append(st.status().label()).append("\">").append(st.status().label())
            .append("</td><td>").append(st.exitCode() == null ? "" : st.exitCode())
            .append("</td><td>").append(Durations.format(st.duration())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("<pre class=\"log\">").append(Xml.escape(lines(s.logs()))).append("</pre>\n")
        .append("</details>\n");
  }

  private static void resources(StringBuilder sb, List<RunModel.Resource> resources) {
    if (resources.isEmpty()) {
      return;
    }
    sb.append("<details class=\"stage\" id=\"resources\"><summary>containers, networks, ")
        .append("volumes (").append(resources.size()).append(")</summary><table class=\"steps\">")
        .append("<tr><th>stage</th><th>action</th><th>kind</th><th>name</th><th>id</th></tr>\n");
    for (RunModel.Resource r : resources) {
      sb.append("<tr><td>").append(Xml.escape(r.stage())).append("</td><td>")
          .append(Xml.escape(r.action())).append("</td><td>").append(Xml.escape(r.kind()))
          .append("</td><td>").append(Xml.escape(r.name())).append("</td><td>")
          .append(Xml.escape(r.id())).append("</td></tr>\n");
    }
    sb.append("</table></details>\n");
  }

  private static String lines(List<String> lines) {
    return String.join("\n", lines.stream().map(Xml::stripAnsi).toList());
  }

  static String anchor(String name) {
    return name.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String pct(long part, long total) {
    return String.format(Locale.ROOT, "%.3f", Math.min(100.0, 100.0 * part / total));
  }
}
