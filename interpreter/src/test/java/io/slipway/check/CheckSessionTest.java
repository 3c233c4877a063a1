package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.syntax.SlipParser;
import org.junit.jupiter.api.Test;

class CheckSessionTest {
  private final CheckSession session = new CheckSession(CheckerHarness.REGISTRY, ModuleLoader.none());
  private int line;

  private Diagnostics enter(String src) {
    var out = new Diagnostics();
    session.check(SlipParser.parse(SourceFile.of("<repl-" + (++line) + ">", src)).program(), out);
    return out;
  }

  @Test
  void declarationsCarryOverBetweenSnippets() {
    assertThat(enter("val x = 41").list()).isEmpty();
    assertThat(enter("fun inc(n: Int): Int = n + 1").list()).isEmpty();
    assertThat(enter("val y: Int = inc(x)").list()).isEmpty();
    assertThat(enter("data class P(val a: Int)").list()).isEmpty();
    assertThat(enter("echo(P(y).a)").list()).isEmpty();
    assertThat(enter("val z: String = y").list()).extracting(d -> d.code()).containsExactly(Code.E0203);
    // the failed snippet declared nothing
    assertThat(enter("echo(z)").list()).extracting(d -> d.code()).containsExactly(Code.E0301);
    // a later declaration shadows an earlier one, as a REPL redefinition does
    assertThat(enter("val x = \"now a string\"").list()).isEmpty();
    assertThat(enter("val n: Int = x.length").list()).isEmpty();
  }
}
