package io.slipway.interp;

import io.slipway.diag.DiagnosticRenderer;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.value.SlipException;

/**
 * Renders a run-time error as users see it, never with a Java stack trace:
 *
 * <pre>
 * Slipfile:12:5: error in stage `test`: StepFailed: command `make` exited with 2
 *    12 |     sh("make")
 *       |     ^^^^^^^^^^
 * </pre>
 *
 * <p>An error raised inside a function of an imported library also names where the stage called
 * it: the header ends with {@code (called from Slipfile:7:9)} and each call site follows with its
 * own source line.
 */
public final class ErrorRenderer {
  private static final DiagnosticRenderer SNIPPETS = new DiagnosticRenderer(false);

  private ErrorRenderer() {}

  /** The first line: location, stage, error type and message (and the stage's call site). */
  public static String header(SlipException e) {
    var sb = new StringBuilder();
    SourceFile f = e.file();
    Span s = e.span();
    if (f != null && s != null) {
      sb.append(where(f, s)).append(": ");
    }
    sb.append("error");
    if (e.stage() != null) {
      sb.append(" in stage `").append(e.stage()).append('`');
    }
    sb.append(": ").append(e.error().type()).append(": ").append(e.error().message());
    var sites = e.callSites();
    if (!sites.isEmpty()) {
      SlipException.CallSite outer = sites.get(sites.size() - 1);
      sb.append(" (called from ").append(where(outer.file(), outer.span())).append(')');
    }
    return sb.toString();
  }

  private static String where(SourceFile f, Span s) {
    return f.name() + ":" + f.line(s.start()) + ":" + f.column(s.start());
  }

  /**
   * The header plus the source line with the failing expression underlined, drawn by the same
   * {@link DiagnosticRenderer} snippet as check errors (tabs and wide characters line up), then
   * each call site that led out of an imported library, innermost first.
   */
  public static String render(SlipException e) {
    var sb = new StringBuilder(header(e)).append('\n');
    SourceFile f = e.file();
    Span s = e.span();
    if (f != null && s != null) {
      sb.append(SNIPPETS.snippet(f, s));
    }
    for (SlipException.CallSite c : e.callSites()) {
      sb.append(where(c.file(), c.span())).append(": called from here\n");
      sb.append(SNIPPETS.snippet(c.file(), c.span()));
    }
    return sb.toString();
  }
}
