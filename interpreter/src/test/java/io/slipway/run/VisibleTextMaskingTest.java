package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Secrets are matched in what a reader sees, not in the raw bytes (issue 11 item 4): a colour
 * code or a cursor move inside the value, a carriage return that rebuilds it, a value read with
 * a trailing {@code \r}. The result carries no control sequence, so views print what was matched.
 */
class VisibleTextMaskingTest {
  private static final String SECRET = "s3cr3t-value";

  private static SecretMasker masker(String value) {
    var m = new SecretMasker();
    m.register(value);
    return m;
  }

  @Test
  void aColourCodeInsideTheSecretDoesNotHideIt() {
    assertThat(masker(SECRET).mask("token: s3c\u001b[0mr3t-value")).isEqualTo("token: ****");
    assertThat(masker(SECRET).mask("\u001b[1;31ms3cr3t\u001b[0m-value\u001b[K"))
        .isEqualTo("****");
  }

  @Test
  void carriageReturnsAndBackspacesAreApplied() {
    var m = masker(SECRET);
    assertThat(m.mask("s3cr3t-value\r")).isEqualTo("****");
    assertThat(m.mask("xxxxxxxxxxxxxxxx\rs3cr3t-value")).isEqualTo("****xxxx");
    assertThat(m.mask("abcr3t-value\rs3c")).isEqualTo("****");
    assertThat(m.mask("s3cr3X\bt-value")).isEqualTo("****");
    assertThat(m.mask("s3cr3XY\u001b[2Dt-value")).isEqualTo("****");
    assertThat(m.mask("s3c\u001b[3Gcr3t-value")).isEqualTo("****");
  }

  @Test
  void aValueReadWithATrailingCarriageReturnStillMatches() {
    assertThat(masker(SECRET + "\r").mask("value " + SECRET)).isEqualTo("value ****");
    assertThat(masker(SECRET + "\r\n").mask(SECRET)).isEqualTo("****");
  }

  @Test
  void noControlSequenceSurvivesEvenWithoutSecrets() {
    var m = new SecretMasker();
    assertThat(m.mask("\u001b[32mok\u001b[0m \u001b]0;title\u0007done\u009b")).isEqualTo("ok done");
    assertThat(m.mask("tab\tkept\nline two")).isEqualTo("tab\tkept\nline two");
  }

  @Test
  void cursorMovesCannotInflateALine() {
    String bomb = "x\u001b[999999Cy";
    assertThat(TerminalText.visible(bomb).length()).isLessThanOrEqualTo(bomb.length());
  }
}
