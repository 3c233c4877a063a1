package io.slipway.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.value.SlipException;
import org.junit.jupiter.api.Test;

/** Run-time errors are drawn like check errors: the caret stands under the failing expression. */
class ErrorRendererTest {
  private static String render(String text, String marked) {
    var f = SourceFile.of("Slipfile", text);
    int at = text.indexOf(marked);
    return ErrorRenderer.render(SlipException.error("boom").locate(f, new Span(at, at + marked.length()))
        .inStage("test"));
  }

  @Test
  void aTabIndentedStepIsUnderlinedWhereItIs() {
    // before: the line's tab became four spaces but the caret was indented by one per tab
    assertThat(render("stage(\"test\") {\n\tsh(\"make\")\n}\n", "sh(\"make\")")).isEqualTo("""
        Slipfile:2:2: error in stage `test`: Error: boom
            2 |     sh("make")
              |     ^^^^^^^^^^
        """);
  }

  @Test
  void wideCharactersBeforeTheExpressionTakeTwoColumns() {
    assertThat(render("val \u540d = \"\u65e5\u672c\" + oops\n", "oops")).isEqualTo("""
        Slipfile:1:16: error in stage `test`: Error: boom
            1 | val \u540d = "\u65e5\u672c" + oops
              |                   ^^^^
        """);
  }
}
