package io.slipway.cli.view;

import io.slipway.run.Status;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * {@code --junit FILE}: a JUnit XML report with one test case per stage, as CI servers
 * (Jenkins, GitLab, GitHub annotations) read it. A failed stage carries its error and the tail
 * of its log; skipped and cancelled stages are {@code <skipped>}.
 */
public final class JunitReport {
  /** Lines of log attached to a failure. */
  static final int TAIL = 50;

  private JunitReport() {}

  public static String render(RunModel.Snapshot run) {
    List<RunModel.StageView> stages = run.stages();
    long failures = stages.stream().filter(s -> s.status() == Status.FAILED).count();
    long skipped = stages.stream()
        .filter(s -> s.status() != Status.SUCCESS && s.status() != Status.FAILED).count();
    String total = seconds(run.elapsed(run.finished() != null ? run.finished()
        : java.time.Instant.now()));
    String name = Xml.escape(run.pipeline());
    var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"").append(name).append("\" tests=\"").append(stages.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
        .append(skipped).append("\" time=\"").append(total).append("\">\n");
    sb.append("  <testsuite name=\"").append(name).append("\" tests=\"").append(stages.size())
        .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
        .append(skipped).append("\" time=\"").append(total).append('"');
    if (run.started() != null) {
      sb.append(" timestamp=\"").append(run.started().truncatedTo(ChronoUnit.SECONDS)
          .toString().replace("Z", "")).append('"');
    }
    sb.append(">\n");
    sb.append("    <properties>\n");
    property(sb, "build", String.valueOf(run.buildNumber()));
    property(sb, "runId", run.runId());
    property(sb, "file", run.file());
    sb.append("    </properties>\n");
    for (RunModel.StageView s : stages) {
      testcase(sb, name, s);
    }
    sb.append("  </testsuite>\n</testsuites>\n");
    return sb.toString();
  }

  private static void testcase(StringBuilder sb, String suite, RunModel.StageView s) {
    sb.append("    <testcase classname=\"").append(suite).append("\" name=\"")
        .append(Xml.escape(s.name())).append("\" time=\"").append(seconds(s.duration()))
        .append('"');
    String log = String.join("\n", s.logs().stream().map(Xml::stripAnsi).toList());
    switch (s.status()) {
      case SUCCESS -> {
        if (log.isEmpty()) {
          sb.append("/>\n");
          return;
        }
        sb.append(">\n");
      }
      case FAILED -> {
        String msg = s.error() == null ? "stage failed" : s.error();
        List<String> logs = s.logs();
        List<String> tail = logs.subList(Math.max(0, logs.size() - TAIL), logs.size());
        sb.append(">\n      <failure message=\"").append(Xml.escape(firstLine(msg)))
            .append("\" type=\"").append(Xml.escape(errorType(msg))).append("\">")
            .append(Xml.escape(msg + (tail.isEmpty() ? "" : "\n\nlast log lines:\n"
                + String.join("\n", tail.stream().map(Xml::stripAnsi).toList()))))
            .append("</failure>\n");
      }
      default -> sb.append(">\n      <skipped message=\"").append(s.status().label())
          .append("\"/>\n");
    }
    if (!log.isEmpty()) {
      sb.append("      <system-out>").append(Xml.escape(log)).append("</system-out>\n");
    }
    sb.append("    </testcase>\n");
  }

  private static void property(StringBuilder sb, String name, String value) {
    sb.append("      <property name=\"").append(name).append("\" value=\"")
        .append(Xml.escape(value)).append("\"/>\n");
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** "StepFailed" from "...: StepFailed: command ..." when the error names its type. */
  private static String errorType(String msg) {
    var m = java.util.regex.Pattern.compile("\\b([A-Z][A-Za-z]*(?:Failed|Error|Timeout))\\b")
        .matcher(firstLine(msg));
    return m.find() ? m.group(1) : "Error";
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", d == null ? 0.0 : d.toMillis() / 1000.0);
  }
}
