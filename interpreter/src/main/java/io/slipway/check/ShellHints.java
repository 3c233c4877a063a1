package io.slipway.check;

import io.slipway.source.Span;
import io.slipway.syntax.ast.Arg;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.TemplatePart;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shell variables written in a Slipway string: {@code sh("for f in a b; do echo $f; done")}
 * interpolates {@code f} before the shell sees it, so an unknown {@code f} there is almost
 * always meant for the shell. For a string passed to {@code sh}/{@code exec}/{@code run} whose
 * text looks like shell (the name is bound by {@code for NAME in}, {@code read NAME} or
 * {@code NAME=}, or is upper case like {@code $HOME}), the unknown-name diagnostic shows the
 * multi-dollar form ({@code $$"""..."""}) instead of a did-you-mean.
 */
final class ShellHints {
  private static final Set<String> SHELL_CALLS = Set.of("sh", "exec", "run");
  private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*");

  private ShellHints() {}

  /** Remembers the string arguments of a call to {@code sh}, {@code exec} or {@code run}. */
  static void mark(Ctx cx, Expr.Call c) {
    String name = switch (c.callee()) {
      case Expr.Name n -> n.id();
      case Expr.Member m -> m.name().text();
      default -> null;
    };
    if (name == null || !SHELL_CALLS.contains(name)) {
      return;
    }
    for (Arg a : c.args()) {
      if (a.value() instanceof Expr.Str s
          && (a.name() == null || a.name().text().equals("command"))) {
        cx.shellStrings.add(s);
      }
    }
  }

  /**
   * The hint for an unknown name at {@code span}, when it is a {@code $name} or
   * {@code ${name}} of the shell string being checked and looks like a shell variable; else null.
   */
  static String hint(Ctx cx, Span span, String id) {
    Expr.Str s = cx.shellString;
    if (s == null || !directReference(s, span)) {
      return null;
    }
    if (!UPPER.matcher(id).matches() && !boundByShell(text(s), id)) {
      return null;
    }
    boolean braced = span.start() > 0 && cx.file.text().charAt(span.start() - 1) == '{';
    String ref = braced ? "${" + id + "}" : "$" + id;
    return "`" + ref + "` looks like a shell variable: for shell code use a multi-dollar string,"
        + " $$\"\"\"...\"\"\", where only `$$name` interpolates (or escape it: `\\" + ref + "`)";
  }

  private static boolean directReference(Expr.Str s, Span span) {
    for (TemplatePart p : s.parts()) {
      if (p instanceof TemplatePart.Interpolation in && in.expr() instanceof Expr.Name n
          && n.span().equals(span)) {
        return true;
      }
    }
    return false;
  }

  private static boolean boundByShell(String text, String id) {
    String q = Pattern.quote(id);
    return Pattern.compile("\\bfor\\s+" + q + "\\s+in\\b"
        + "|\\bread\\s+(-\\w+\\s+)*(\\w+\\s+)*" + q + "\\b"
        + "|(^|[\\s;])(export\\s+|local\\s+)?" + q + "=").matcher(text).find();
  }

  private static String text(Expr.Str s) {
    var sb = new StringBuilder();
    for (TemplatePart p : s.parts()) {
      if (p instanceof TemplatePart.Text t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }
}
