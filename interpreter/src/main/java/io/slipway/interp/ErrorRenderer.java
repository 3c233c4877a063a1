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
 */
public final class ErrorRenderer {
  private static final DiagnosticRenderer SNIPPETS = new DiagnosticRenderer(false);

  private ErrorRenderer() {}

  /** The first line: location, stage, error type and message. */
  public static String header(SlipException e) {
    var sb = new StringBuilder();
    SourceFile f = e.file();
    Span s = e.span();
    if (f != null && s != null) {
      sb.append(f.name()).append(':').append(f.line(s.start())).append(':')
          .append(f.column(s.start())).append(": ");
    }
    sb.append("error");
    if (e.stage() != null) {
      sb.append(" in stage `").append(e.stage()).append('`');
    }
    sb.append(": ").append(e.error().type()).append(": ").append(e.error().message());
    return sb.toString();
  }

  /**
   * The header plus the source line with the failing expression underlined, drawn by the same
   * {@link DiagnosticRenderer} snippet as check errors (tabs and wide characters line up).
   */
  public static String render(SlipException e) {
    var sb = new StringBuilder(header(e)).append('\n');
    SourceFile f = e.file();
    Span s = e.span();
    if (f != null && s != null) {
      sb.append(SNIPPETS.snippet(f, s));
    }
    return sb.toString();
  }
}
