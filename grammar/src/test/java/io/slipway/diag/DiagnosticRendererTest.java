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

  /**
   * On a terminal, the first caret stands in the display column where {@code marked} starts in the
   * shown line, and the carets are as wide as it is.
   */
  static void assertCaretUnder(String rendered, String marked) {
    String[] lines = rendered.split("\n");
    String source = lines[lines.length - 2];
    String carets = lines[lines.length - 1];
    int caret = carets.indexOf('^');
    int at = source.lastIndexOf(marked);
    assertThat(at).isNotNegative();
    assertThat(caret).isEqualTo(width(carets.substring(0, carets.indexOf('|') + 2)) + width(source.substring(carets.indexOf('|') + 2, at)));
    assertThat(carets.chars().filter(c -> c == '^').count()).isEqualTo(width(marked));
  }

  private static int width(String s) {
    return s.codePoints().map(DiagnosticRenderer::columns).sum();
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

  @Test
  void tabsAndWideCharactersLineUpOnATerminal() {
    assertCaretUnder(render("\tval x = \t oops\n", "oops"), "oops");
    assertCaretUnder(render("val \u540d\u524d = \"\u65e5\u672c\" + oops\n", "oops"), "oops");
    assertCaretUnder(render("val s = \"\u65e5\u672c\u8a9e\"\n", "\"\u65e5\u672c\u8a9e\""), "\"\u65e5\u672c\u8a9e\"");
    assertCaretUnder(render("val e = \"e\u0301\" + oops\n", "oops"), "oops");
  }

  @Test
  void theSnippetAloneIsWhatFollowsAHeader() {
    var f = SourceFile.of("t.slip", "a\n\tsh(\"make\")\n");
    int at = f.text().indexOf("sh");
    String snippet = renderer.snippet(f, new Span(at, at + 10));
    assertThat(snippet).isEqualTo("    2 |     sh(\"make\")\n      |     ^^^^^^^^^^\n");
    assertThat(renderer.snippet(SourceFile.of("e.slip", ""), new Span(0, 0))).isEmpty();
  }
}
