package io.slipway.engine.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Docker's .dockerignore semantics (moby patternmatcher), case by case. */
class DockerIgnoreTest {
  private static DockerIgnore of(String text) {
    try {
      return DockerIgnore.parse(text);
    } catch (DockerIgnore.InvalidIgnoreFile e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void plainNamesMatchAtTheRootAndEverythingBelow() {
    var ig = of("node_modules\n/target\n");
    assertThat(ig.ignored("node_modules")).isTrue();
    assertThat(ig.ignored("node_modules/a/b.js")).isTrue();
    assertThat(ig.ignored("target/x.jar")).isTrue();
    assertThat(ig.ignored("src/node_modules")).isFalse();
    assertThat(ig.ignored("src/main.js")).isFalse();
  }

  @Test
  void starAndQuestionMarkDoNotCrossSlashes() {
    var ig = of("*.log\n*/temp?\n");
    assertThat(ig.ignored("a.log")).isTrue();
    assertThat(ig.ignored("dir/a.log")).isFalse();
    assertThat(ig.ignored("x/temp1")).isTrue();
    assertThat(ig.ignored("x/y/temp1")).isFalse();
    assertThat(ig.ignored("x/temp12")).isFalse();
  }

  @Test
  void doubleStarMatchesAnyNumberOfDirectories() {
    var ig = of("**/*.tmp\nbuild/**\n");
    assertThat(ig.ignored("a.tmp")).isTrue();
    assertThat(ig.ignored("a/b/c.tmp")).isTrue();
    assertThat(ig.ignored("build")).isFalse();
    assertThat(ig.ignored("build/x")).isTrue();
    assertThat(ig.ignored("build/x/y")).isTrue();
    assertThat(of("a/**/b").ignored("a/b")).isTrue();
    assertThat(of("a/**/b").ignored("a/x/y/b")).isTrue();
  }

  @Test
  void exceptionsReIncludeAndTheLastMatchWins() {
    var ig = of("*.md\n!README.md\n");
    assertThat(ig.ignored("CHANGES.md")).isTrue();
    assertThat(ig.ignored("README.md")).isFalse();
    var again = of("*.md\n!README.md\nREADME.md\n");
    assertThat(again.ignored("README.md")).isTrue();
    assertThat(of("logs\n!logs/keep.log").ignored("logs/keep.log")).isFalse();
    assertThat(of("logs\n!logs/keep.log").ignored("logs/other.log")).isTrue();
    assertThat(of("logs\n!logs/keep.log").hasExclusions()).isTrue();
  }

  @Test
  void commentsBlanksCleaningClassesAndEscapes() {
    var ig = of("# a comment\n\n  spaced.txt  \n./dot/../cleaned\n[ab].c\n[^x]y\n[!q]q\n\\*star\n");
    assertThat(ig.ignored("# a comment")).isFalse();
    assertThat(ig.ignored("spaced.txt")).isTrue();
    assertThat(ig.ignored("cleaned")).isTrue();
    assertThat(ig.ignored("a.c")).isTrue();
    assertThat(ig.ignored("c.c")).isFalse();
    assertThat(ig.ignored("zy")).isTrue();
    assertThat(ig.ignored("xy")).isFalse();
    assertThat(ig.ignored("aq")).isTrue(); // '!' negates, as in the shell (Go: '^' only)
    assertThat(ig.ignored("qq")).isFalse();
    assertThat(ig.ignored("*star")).isTrue();
    assertThat(ig.ignored("astar")).isFalse();
  }

  @Test
  void regexCharactersAreLiteral() {
    assertThat(of("a+b(1).txt").ignored("a+b(1).txt")).isTrue();
    assertThat(of("a.txt").ignored("abtxt")).isFalse();
  }

  @Test
  void wildcardsMatchHiddenNamesAsDockerDoes() {
    assertThat(of("*.env").ignored(".env")).isTrue();
    assertThat(of("**/*.tmp").ignored(".cache/a.tmp")).isTrue();
  }

  @Test
  void aPatternGoWouldGuessAtIsRejectedWithItsLine() {
    for (String bad : new String[] {"ok\n[[]\n", "ok\nlogs\\\n", "ok\n[!]q\n", "ok\n{a,b\n"}) {
      assertThatThrownBy(() -> DockerIgnore.parse(bad))
          .isInstanceOf(DockerIgnore.InvalidIgnoreFile.class)
          .hasMessageStartingWith(".dockerignore line 2: invalid glob")
          .satisfies(e -> assertThat(((DockerIgnore.InvalidIgnoreFile) e).line()).isEqualTo(2));
    }
  }
}
