package io.slipway.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Slipway's glob dialect: what matches, and which patterns are refused where. */
class GlobPatternTest {
  private static boolean shell(String glob, String path) throws GlobSyntaxException {
    return GlobPattern.compile(glob, true).matches(path);
  }

  private static boolean docker(String glob, String path) throws GlobSyntaxException {
    return GlobPattern.compile(glob, false).matches(path);
  }

  @Test
  void wildcardsStayInsideASegment() throws Exception {
    assertThat(shell("*.jar", "app.jar")).isTrue();
    assertThat(shell("*.jar", "lib/app.jar")).isFalse();
    assertThat(shell("a?c", "abc")).isTrue();
    assertThat(shell("a?c", "a/c")).isFalse();
    assertThat(shell("a**b", "axyb")).isTrue();
    assertThat(shell("a**b", "ax/yb")).isFalse();
  }

  @Test
  void doubleStarSegmentsSpanDirectoriesZeroIncluded() throws Exception {
    assertThat(shell("src/**/*.kt", "src/A.kt")).isTrue();
    assertThat(shell("src/**/*.kt", "src/a/b/C.kt")).isTrue();
    assertThat(shell("src/**", "src/a/b")).isTrue();
    assertThat(shell("**", "a/b/c")).isTrue();
  }

  @Test
  void hiddenNamesNeedADotOnlyWhenAsked() throws Exception {
    assertThat(shell("*", ".env")).isFalse();
    assertThat(shell(".*", ".env")).isTrue();
    assertThat(shell("**/*.kt", ".git/x.kt")).isFalse();
    assertThat(shell("[.]env", ".env")).isFalse();
    assertThat(docker("*", ".env")).isTrue();
    assertThat(docker("**/*.kt", ".git/x.kt")).isTrue();
  }

  @Test
  void classesRangesNegationAndEscapes() throws Exception {
    assertThat(shell("[ab].c", "a.c")).isTrue();
    assertThat(shell("[a-c]x", "bx")).isTrue();
    assertThat(shell("[!a-c]x", "dx")).isTrue();
    assertThat(shell("[^a-c]x", "bx")).isFalse();
    assertThat(shell("[!a]", "/")).isFalse();
    assertThat(shell("[\\]]", "]")).isTrue();
    assertThat(shell("[\\[]", "[")).isTrue();
    assertThat(shell("[a-]", "-")).isTrue();
    assertThat(shell("[&&x]", "&")).isTrue();
    assertThat(shell("\\*", "*")).isTrue();
    assertThat(shell("\\*", "a")).isFalse();
    assertThat(shell("\\n", "n")).isTrue();
    assertThat(shell("a+b(1).txt", "a+b(1).txt")).isTrue();
    assertThat(shell("a.txt", "abtxt")).isFalse();
  }

  @Test
  void bracesAreAlternativesThatMayNest() throws Exception {
    assertThat(shell("app.{jar,txt}", "app.txt")).isTrue();
    assertThat(shell("{src,test}/**/*.{kt,java}", "test/a/B.java")).isTrue();
    assertThat(shell("{a,{b,c}d}", "cd")).isTrue();
    assertThat(shell("{*.md,docs}", ".x.md")).isFalse();
    assertThat(shell("x,y", "x,y")).isTrue();
  }

  @Test
  void ambiguousPatternsAreErrorsWithTheirColumn() {
    assertError("[[]", 1, "`[` inside a character class (write `\\[`)");
    assertError("abc\\", 3, "the pattern ends with a lone `\\` (write `\\\\` for a backslash)");
    assertError("a[bc", 1, "unclosed `[`");
    assertError("a[]", 1, "empty character class `[]`");
    assertError("[!]q", 0, "empty character class `[!]`");
    assertError("x{a,b", 1, "unclosed `{`");
    assertError("a}", 1, "`}` without `{` (write `\\}` for a literal brace)");
    assertError("[a/b]", 0, "a character class cannot match `/`");
    assertError("[z-a]", 0, "invalid character class `[z-a]` (illegal character range)");
  }

  @Test
  void wildcardDetectionIgnoresEscapes() {
    assertThat(GlobPattern.hasWildcards("a*b")).isTrue();
    assertThat(GlobPattern.hasWildcards("a{b,c}")).isTrue();
    assertThat(GlobPattern.hasWildcards("a\\*b")).isFalse();
    assertThat(GlobPattern.hasWildcards("plain.txt")).isFalse();
  }

  private static void assertError(String glob, int index, String reason) {
    assertThatThrownBy(() -> GlobPattern.compile(glob, true))
        .isInstanceOfSatisfying(GlobSyntaxException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.index()).isEqualTo(index);
          assertThat(e.getMessage()).isEqualTo("invalid glob `" + glob + "` at column " + (index + 1) + ": " + reason);
        });
  }
}
