package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Output is masked line by line, so a multi-line secret is masked one line at a time: long lines
 * anywhere, short lines wherever they stand as a word of their own (issue 11 item 4).
 */
class SecretMaskerLinesTest {
  private static final String KEY = "-----BEGIN KEY-----\nabcdefgh\nxy\n}\n-----END KEY-----";

  @Test
  void eachLineOfAMultiLineSecretIsMasked() {
    var m = new SecretMasker();
    m.register(KEY);
    assertThat(m.mask("-----BEGIN KEY-----")).isEqualTo("****");
    assertThat(m.mask("line abcdefgh end")).isEqualTo("line **** end");
    assertThat(m.mask(KEY)).isEqualTo("****\n****\n****\n}\n****");
  }

  @Test
  void aShortLineIsMaskedWhereverItStandsAlone() {
    var m = new SecretMasker();
    m.register(KEY);
    assertThat(m.mask("xy")).isEqualTo("****");
    assertThat(m.mask("  xy  ")).isEqualTo("  ****  ");
    assertThat(m.mask("pin=xy;")).isEqualTo("pin=****;");
    // inside a longer word two characters identify nothing, and masking them would garble output
    assertThat(m.mask("proxy xylophone")).isEqualTo("proxy xylophone");
    // a line without letters or digits is structure
    assertThat(m.mask("{ }")).isEqualTo("{ }");
  }

  @Test
  void aOneLineSecretIsMaskedAnywhereWhateverItsLength() {
    var m = new SecretMasker();
    m.register("q7");
    assertThat(m.mask("aq7b")).isEqualTo("a****b");
  }
}
