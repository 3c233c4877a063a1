package io.slipway.repl;

import io.slipway.debug.DebugPoint;
import io.slipway.debug.Frame;
import io.slipway.debug.Pause;
import io.slipway.pipeline.Plan;
import io.slipway.run.SecretMasker;
import io.slipway.source.SourceFile;
import io.slipway.types.Type;
import io.slipway.value.Values;
import java.util.List;
import java.util.Map;

/** What the REPL shows of a paused run ({@code :where}, {@code :vars}) and of a plan. */
final class Inspection {
  private Inspection() {}

  /** {@code paused at stage build, Slipfile:12 (breakpoint 1: stage build)} and the line. */
  static ReplResponse.Paused paused(Pause pause, String reason, SecretMasker masker) {
    DebugPoint p = pause.point();
    String where = location(p.file(), p.line());
    var sb = new StringBuilder("paused ");
    sb.append(p.stage() == null ? "at the top level" : "in stage " + p.stage());
    sb.append(", ").append(where).append(" (").append(reason).append(")\n");
    if (p.file() != null && p.line() > 0) {
      sb.append(sourceLine(p.file(), p.line(), true));
    }
    return new ReplResponse.Paused(masker.mask(sb.toString()), p.stage(),
        p.file() == null ? null : p.file().name(), p.line(), reason);
  }

  /** {@code :where}: stage, file:line, the source around it, the frames. */
  static String where(Pause pause, SecretMasker masker) {
    DebugPoint p = pause.point();
    var sb = new StringBuilder();
    sb.append(p.stage() == null ? "top level" : "stage " + p.stage()
        + (p.attempt() > 1 ? " (attempt " + p.attempt() + ")" : ""));
    sb.append(", ").append(location(p.file(), p.line())).append('\n');
    SourceFile f = p.file();
    if (f != null && p.line() > 0) {
      int from = Math.max(1, p.line() - 2);
      int to = Math.min(f.lineCount(), p.line() + 2);
      for (int l = from; l <= to; l++) {
        sb.append(sourceLine(f, l, l == p.line()));
      }
    }
    sb.append("frames:\n");
    List<Frame> frames = p.frames();
    for (int i = 0; i < frames.size(); i++) {
      Frame fr = frames.get(i);
      sb.append("  #").append(i).append(' ').append(fr.callee()).append(" at ")
          .append(location(fr.file(), fr.line())).append('\n');
    }
    return masker.mask(sb.toString());
  }

  /** {@code :vars}: each name the paused frame sees, with its static type and value. */
  static String vars(Pause pause, SecretMasker masker) {
    Frame top = pause.point().top();
    if (top == null) {
      return "no frame\n";
    }
    Map<String, Object> vars = top.variables();
    Map<String, Type> types = top.staticTypes();
    if (vars.isEmpty()) {
      return "no variables in scope\n";
    }
    var sb = new StringBuilder();
    vars.forEach((name, value) -> {
      Type t = types.get(name);
      sb.append(name).append(t == null ? "" : ": " + t).append(" = ")
          .append(oneLine(Values.show(value))).append('\n');
    });
    return masker.mask(sb.toString());
  }

  /** {@code :stages}: each stage with what it waits for and its group. */
  static String stages(Plan plan, java.util.Set<String> completed) {
    var sb = new StringBuilder();
    for (Plan.Stage s : plan.stages()) {
      sb.append(s.name());
      List<String> deps = plan.dependencies(s);
      if (!deps.isEmpty()) {
        sb.append("  after ").append(String.join(", ", deps));
      }
      if (s.group() != null) {
        sb.append("  (group ").append(s.group()).append(')');
      }
      if (!s.onlyIf()) {
        sb.append("  (skipped: onlyIf is false)");
      }
      if (completed.contains(s.name())) {
        sb.append("  [done]");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String location(SourceFile f, int line) {
    return f == null ? "?" : f.name() + (line > 0 ? ":" + line : "");
  }

  private static String sourceLine(SourceFile f, int line, boolean current) {
    return (current ? "> " : "  ") + String.format("%4d", line) + " | "
        + f.lineText(line).replace("\t", "    ") + "\n";
  }

  private static String oneLine(String s) {
    String flat = s.replace("\n", "\\n");
    return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
  }
}
