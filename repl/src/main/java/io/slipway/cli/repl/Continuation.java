package io.slipway.cli.repl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secondary prompt of input that is not complete yet, saying what it still lacks:
 * {@code ... (block not closed: `}`)> }. Built from the message the session gives for
 * incomplete input (the parser's diagnostic), so the terminal client and script mode show the
 * same words.
 */
public final class Continuation {
  private static final Pattern TO_CLOSE =
      Pattern.compile("missing (`[^`]+`) to close the (block|parenthesis|bracket|template expression)");
  private static final Pattern MISSING_TOKEN = Pattern.compile("missing (?:closing )?(`[^`]+`)");

  private Continuation() {}

  /** The secondary prompt for an input the session found incomplete with {@code message}. */
  public static String prompt(String message) {
    return "... (" + reason(message) + ")> ";
  }

  /** What is missing, in a few words: {@code string not closed: `"""`}. */
  public static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "more input";
    }
    Matcher close = TO_CLOSE.matcher(message);
    if (close.find()) {
      String what = close.group(2).equals("template expression") ? "`${`" : close.group(2);
      return what + " not closed: " + close.group(1);
    }
    Matcher token = MISSING_TOKEN.matcher(message);
    if (message.contains("raw string") && token.find()) {
      return "string not closed: " + token.group(1);
    }
    if (message.contains("comment") && token.find()) {
      return "comment not closed: " + token.group(1);
    }
    int expected = message.indexOf(": expected ");
    if (message.startsWith("unexpected end") && expected >= 0) {
      return message.substring(expected + 2);
    }
    if (token.find(0)) {
      return "missing " + token.group(1);
    }
    return message.length() > 40 ? message.substring(0, 37) + "..." : message;
  }
}
