package io.slipway.diag;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import org.junit.jupiter.api.Test;

/** The caret lines up with the span, whatever the line holds. */
class DiagnosticRendererTest {
  private final DiagnosticRenderer renderer = new DiagnosticRenderer(false);

  private String render(String text, String marked) {
    var f = SourceFile.of("t.slip", text);
    int at = text.indexOf(marked);
    return renderer.render(Diagnostic.error(Code.E0203, f, new Span(at, at + marked.length()), "m"));
  }

  /** The column of the first caret in the rendered snippet equals the column of {@code marked} in the shown line. */
  private static void assertCaretUnder(String rendered, String marked) {
    String[] lines = rendered.split("\n");
    String source = lines[1];
    String carets = lines[2];
    int caret = carets.indexOf('^');
    assertThat(carets.chars().filter(c -> c == '^').count()).isEqualTo(marked.length());
    assertThat(source.codePointCount(0, source.length())).isGreaterThan(caret);
    String under = source.substring(source.offsetByCodePoints(0, caret),
        source.offsetByCodePoints(0, caret + marked.length()));
    assertThat(under).isEqualTo(marked);
  }

  @Test
  void spansAfterAnEmojiLineUp() {
    String out = render("val s = \"\uD83D\uDE80\" + oops\n", "oops");
    assertThat(out).startsWith("t.slip:1:15: error[E0203]: m\n");
    assertCaretUnder(out, "oops");
  }

  @Test
  void aVeryLongLineIsShownAsAWindowAroundTheCaret() {
    String line = "val x = " + "1 + ".repeat(500) + "oops + " + "2 + ".repeat(500) + "3";
    String out = render(line + "\n", "oops");
    String shown = out.split("\n")[1];
    assertThat(shown.length()).isLessThan(200);
    assertThat(shown).contains("\u2026");
    assertCaretUnder(out, "oops");
  }

  @Test
  void longLinesCutAtTheirStartAndEndStillLineUp() {
    String line = "head " + "x ".repeat(400) + "tail";
    assertCaretUnder(render(line, "head"), "head");
    assertCaretUnder(render(line, "tail"), "tail");
  }
}
