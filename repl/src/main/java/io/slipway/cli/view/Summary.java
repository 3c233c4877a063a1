package io.slipway.cli.view;

import io.slipway.run.Status;
import java.time.Instant;

/** The table printed when a run ends: one row per stage, then the overall result. */
public final class Summary {
  private Summary() {}

  public static String render(RunModel.Snapshot run, boolean color) {
    var sb = new StringBuilder();
    int width = "STAGE".length();
    for (RunModel.StageView s : run.stages()) {
      width = Math.max(width, s.name().length());
    }
    sb.append('\n').append(pad("STAGE", width)).append("  ").append(pad("STATUS", 9))
        .append("  DURATION\n");
    for (RunModel.StageView s : run.stages()) {
      String status = s.status().label();
      sb.append(pad(s.name(), width)).append("  ")
          .append(colored(pad(status, 9), s.status(), color)).append("  ")
          .append(s.duration() == null ? "-" : Durations.format(s.duration())).append('\n');
    }
    String total = Durations.format(run.elapsed(Instant.now()));
    sb.append('\n').append("run ").append(colored(run.status().label(), run.status(), color))
        .append(" in ").append(total);
    if (run.error() != null) {
      sb.append(": ").append(run.error());
    }
    sb.append('\n');
    return sb.toString();
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String colored(String text, Status status, boolean color) {
    if (!color) {
      return text;
    }
    String code = switch (status) {
      case SUCCESS -> "32";
      case FAILED -> "31";
      case CANCELLED -> "33";
      case SKIPPED -> "2";
      case RUNNING -> "36";
      case PENDING -> "2";
    };
    return "\u001b[" + code + "m" + text + "\u001b[0m";
  }
}
