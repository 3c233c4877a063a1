package io.slipway.cli.repl;

import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours input as it is typed: keywords bold blue, strings green, numbers cyan, comments grey,
 * {@code :commands} bold magenta. Without colour (dumb terminal, {@code NO_COLOR}) the input is
 * shown as typed.
 */
final class SyntaxHighlighter implements Highlighter {
  private final boolean color;

  SyntaxHighlighter(boolean color) {
    this.color = color;
  }

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    if (!color) {
      return new AttributedString(buffer);
    }
    var sb = new AttributedStringBuilder();
    int at = 0;
    for (SlipTokens.Token t : SlipTokens.of(buffer)) {
      if (t.start() > at) {
        sb.append(buffer, at, t.start());
      }
      sb.style(style(t.kind())).append(buffer, t.start(), t.end()).style(AttributedStyle.DEFAULT);
      at = t.end();
    }
    if (at < buffer.length()) {
      sb.append(buffer.substring(at));
    }
    return sb.toAttributedString();
  }

  static AttributedStyle style(SlipTokens.Kind kind) {
    return switch (kind) {
      case KEYWORD -> AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
      case STRING -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
      case NUMBER -> AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
      case COMMENT -> AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
      case COMMAND -> AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
      case NAME, OTHER -> AttributedStyle.DEFAULT;
    };
  }

  @Override
  public void setErrorPattern(Pattern errorPattern) {}

  @Override
  public void setErrorIndex(int errorIndex) {}
}
