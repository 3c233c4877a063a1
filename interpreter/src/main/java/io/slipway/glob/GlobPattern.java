package io.slipway.glob;

import java.util.regex.Pattern;

/**
 * Slipway's glob dialect, one for {@code glob()} and for {@code .dockerignore} files:
 * <ul>
 *   <li>{@code *} any run of characters and {@code ?} one character, never crossing {@code /};
 *   <li>{@code **} as a whole segment: any number of directories, zero included
 *       ({@code src/**}{@code /*.kt} matches {@code src/A.kt});
 *   <li>{@code [abc]}, ranges {@code [a-z]}, negation with {@code !} or {@code ^} first
 *       ({@code [!.]}, as in the shell; Go's {@code filepath.Match} only knows {@code ^});
 *       {@code \} escapes inside a class too;
 *   <li>{@code {a,b}} alternatives, which may nest and hold wildcards;
 *   <li>{@code \x} is a literal {@code x}; every other character is literal.
 * </ul>
 * Anything ambiguous is a {@link GlobSyntaxException} rather than a guess: an unclosed
 * {@code [} or {@code {}, an empty class, an unescaped {@code [} inside a class (shells and
 * Go disagree on {@code [[]}), a stray {@code }}, and a trailing lone {@code \}.
 * Whether wildcards match a leading dot is the caller's choice: the shell's {@code glob()}
 * says no (hidden files need an explicit dot), Docker's ignore files say yes.
 */
public final class GlobPattern {
  private final String glob;
  private final Pattern regex;

  private GlobPattern(String glob, Pattern regex) {
    this.glob = glob;
    this.regex = regex;
  }

  /**
   * Compiles {@code glob}. With {@code hiddenNeedsDot}, {@code *}, {@code ?}, classes and
   * {@code **} never match a segment's leading {@code .}.
   */
  public static GlobPattern compile(String glob, boolean hiddenNeedsDot) throws GlobSyntaxException {
    return new GlobPattern(glob, Pattern.compile(new Translator(glob, hiddenNeedsDot).translate()));
  }

  /** True if the whole slash-separated {@code path} matches. */
  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** The equivalent regular expression (whole-string match). */
  public Pattern regex() {
    return regex;
  }

  /** The pattern as written. */
  public String glob() {
    return glob;
  }

  /** True if {@code s} holds a character that makes it a pattern rather than a literal name. */
  public static boolean hasWildcards(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if ("*?[{".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return glob;
  }

  /** One pass over the pattern; keeps the state the rules above need. */
  private static final class Translator {
    private static final String SEGMENT_CHAR = "[^/]";
    private final String glob;
    private final boolean hiddenNeedsDot;
    private final StringBuilder re = new StringBuilder();
    private int i;
    private int braceDepth;
    private boolean segmentStart = true;

    Translator(String glob, boolean hiddenNeedsDot) {
      this.glob = glob;
      this.hiddenNeedsDot = hiddenNeedsDot;
    }

    String translate() throws GlobSyntaxException {
      int lastOpenBrace = -1;
      while (i < glob.length()) {
        char c = glob.charAt(i);
        boolean nextIsSegmentStart = false;
        switch (c) {
          case '*' -> {
            if (glob.startsWith("**", i) && segmentStart && endsSegment(i + 2)) {
              doubleStar();
              continue;
            }
            while (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
              i++; // "a**b" is "a*b": two stars inside a segment mean nothing more than one
            }
            re.append(noDot()).append(SEGMENT_CHAR).append('*');
          }
          case '?' -> re.append(noDot()).append(SEGMENT_CHAR);
          case '[' -> charClass();
          case '{' -> {
            lastOpenBrace = i;
            braceDepth++;
            re.append("(?:");
            nextIsSegmentStart = segmentStart;
          }
          case ',' -> {
            re.append(braceDepth > 0 ? "|" : ",");
            nextIsSegmentStart = braceDepth > 0 && segmentStartBeforeBrace();
          }
          case '}' -> {
            if (braceDepth == 0) {
              throw error(i, "`}` without `{` (write `\\}` for a literal brace)");
            }
            braceDepth--;
            re.append(')');
          }
          case '\\' -> {
            if (i + 1 >= glob.length()) {
              throw error(i, "the pattern ends with a lone `\\` (write `\\\\` for a backslash)");
            }
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
          case '/' -> {
            re.append('/');
            nextIsSegmentStart = true;
          }
          default -> re.append(Pattern.quote(String.valueOf(c)));
        }
        segmentStart = nextIsSegmentStart;
        i++;
      }
      if (braceDepth > 0) {
        throw error(lastOpenBrace, "unclosed `{`");
      }
      return re.toString();
    }

    /** True if position {@code j} ends the current segment (end, or a '/'). */
    private boolean endsSegment(int j) {
      return j >= glob.length() || glob.charAt(j) == '/' || glob.charAt(j) == ',' || glob.charAt(j) == '}';
    }

    /** Inside braces, an alternative starts where the brace did. */
    private boolean segmentStartBeforeBrace() {
      int depth = 0;
      for (int j = i - 1; j >= 0; j--) {
        char c = glob.charAt(j);
        if (c == '}') {
          depth++;
        } else if (c == '{') {
          if (depth == 0) {
            return j == 0 || glob.charAt(j - 1) == '/';
          }
          depth--;
        }
      }
      return false;
    }

    private void doubleStar() {
      String seg = hiddenNeedsDot ? "(?!\\.)[^/]+" : "[^/]+";
      if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
        re.append("(?:").append(seg).append("/)*"); // "**/": zero or more directories
        i += 3;
        segmentStart = true;
      } else {
        re.append("(?:").append(seg).append("(?:/").append(seg).append(")*)?");
        i += 2;
        segmentStart = false;
      }
    }

    private void charClass() throws GlobSyntaxException {
      int open = i;
      var body = new StringBuilder();
      int j = i + 1;
      boolean negated = j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^');
      if (negated) {
        j++;
      }
      int members = 0;
      for (; j < glob.length(); j++) {
        char c = glob.charAt(j);
        if (c == ']') {
          break;
        }
        if (c == '[') {
          throw error(j, "`[` inside a character class (write `\\[`)");
        }
        if (c == '/') {
          throw error(open, "a character class cannot match `/`");
        }
        if (c == '\\') {
          if (j + 1 >= glob.length()) {
            throw error(j, "the pattern ends with a lone `\\` (write `\\\\` for a backslash)");
          }
          c = glob.charAt(++j);
          body.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        } else if (c == '-' && members > 0 && j + 1 < glob.length() && glob.charAt(j + 1) != ']') {
          body.append('-');
          continue;
        } else if ("^&\\".indexOf(c) >= 0 || c == '-') {
          body.append('\\').append(c);
        } else {
          body.append(c);
        }
        members++;
      }
      if (j >= glob.length()) {
        throw error(open, "unclosed `[`");
      }
      if (members == 0) {
        throw error(open, "empty character class `" + glob.substring(open, j + 1) + "`");
      }
      String cls = "[" + (negated ? "^/" : "") + body + "]";
      try {
        Pattern.compile(cls);
      } catch (java.util.regex.PatternSyntaxException e) {
        throw error(open, "invalid character class `" + glob.substring(open, j + 1) + "` ("
            + e.getDescription().toLowerCase(java.util.Locale.ROOT) + ")");
      }
      re.append(noDot()).append(cls);
      i = j;
    }

    private String noDot() {
      return hiddenNeedsDot && segmentStart ? "(?!\\.)" : "";
    }

    private GlobSyntaxException error(int at, String reason) {
      return new GlobSyntaxException(glob, at, reason);
    }
  }
}
