package io.slipway.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces every known secret by {@code ****} in what a reader sees. Text is first reduced to
 * its visible form ({@link TerminalText}: colour codes and other control sequences removed,
 * carriage returns and backspaces applied), so a secret split by an escape sequence or rebuilt
 * over a carriage return is matched whole; the masked result is that visible text, so no view
 * can show what the matcher did not see. Secret values are reduced the same way (a value read
 * with a trailing {@code \r} still matches).
 *
 * <p>The rule for a value (documented under {@code secret} in {@code slipway docs}):
 * <ul>
 *   <li>a one-line value is masked wherever it appears, whatever its length;
 *   <li>a multi-line value (a key file) is masked line by line, since output arrives in lines:
 *       a line of 4 or more characters (leading and trailing blanks aside) wherever it appears;
 *       a shorter line wherever it stands as a word of its own (not next to a letter or digit),
 *       so that no line of the value is ever printed alone. A line of fewer than 4 characters
 *       inside a longer word is not masked: it cannot identify the value. Lines without any
 *       letter or digit ({@code }}, {@code --}) are structure, not secret, and never masked
 *       on their own.
 * </ul>
 * Values are registered as soon as they are known (before the first stage for every secret the
 * pipeline names), longest first, so a secret containing another is masked whole.
 */
public final class SecretMasker implements io.slipway.diag.Redaction {
  static final String MASK = "****";
  static final int MIN_ANYWHERE = 4;

  /** Replaced whole on each registration, so a concurrent {@link #mask} never sees a partial set. */
  private volatile Rules rules = new Rules(List.of(), List.of());

  private record Rules(List<String> anywhere, List<Pattern> words) {
    boolean isEmpty() {
      return anywhere.isEmpty() && words.isEmpty();
    }
  }

  /** Registers a secret value by the rule above. */
  public void register(String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    String visible = TerminalText.visible(value);
    String[] lines = visible.split("\n", -1);
    if (lines.length == 1) {
      anywhere(visible);
      anywhere(visible.strip());
      return;
    }
    for (String line : lines) {
      String t = line.strip();
      if (t.length() >= MIN_ANYWHERE) {
        anywhere(t);
      } else if (t.codePoints().anyMatch(Character::isLetterOrDigit)) {
        word(t);
      }
    }
  }

  private synchronized void anywhere(String value) {
    Rules r = rules;
    if (value.isEmpty() || r.anywhere.contains(value)) {
      return;
    }
    var sorted = new ArrayList<>(r.anywhere);
    sorted.add(value);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    rules = new Rules(List.copyOf(sorted), r.words);
  }

  private synchronized void word(String value) {
    Rules r = rules;
    Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value)
        + "(?![\\p{L}\\p{N}])");
    if (r.words.stream().anyMatch(w -> w.pattern().equals(p.pattern()))) {
      return;
    }
    var words = new ArrayList<>(r.words);
    words.add(p);
    rules = new Rules(r.anywhere, List.copyOf(words));
  }

  /** The visible form of {@code text} with every registered secret replaced by {@code ****}. */
  @Override
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = TerminalText.visible(text);
    Rules r = rules;
    if (r.isEmpty()) {
      return out;
    }
    for (String v : r.anywhere) {
      out = out.replace(v, MASK);
    }
    for (Pattern w : r.words) {
      out = w.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }
    return out;
  }

  @Override
  public boolean overlapsSecret(String line, int from, int to) {
    Rules r = rules;
    for (String v : r.anywhere) {
      for (int at = line.indexOf(v); at >= 0; at = line.indexOf(v, at + 1)) {
        if (at < to && at + v.length() > from) {
          return true;
        }
      }
    }
    for (Pattern w : r.words) {
      Matcher m = w.matcher(line);
      while (m.find()) {
        if (m.start() < to && m.end() > from) {
          return true;
        }
      }
    }
    return false;
  }

  /** True until a value is registered. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** The values masked wherever they appear, longest first. */
  public List<String> values() {
    return rules.anywhere;
  }
}
