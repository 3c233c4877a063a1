package io.slipway.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Output is masked line by line, so a multi-line secret is masked one line at a time too. */
class SecretMaskerLinesTest {
  @Test
  void eachLineOfAMultiLineSecretIsMasked() {
    var m = new SecretMasker();
    m.register("-----BEGIN KEY-----\nabcdefgh\nxy\n-----END KEY-----");
    assertThat(m.mask("-----BEGIN KEY-----")).isEqualTo("****");
    assertThat(m.mask("line abcdefgh end")).isEqualTo("line **** end");
    assertThat(m.mask("xy")).isEqualTo("xy"); // too short to mask on its own
    assertThat(m.mask("-----BEGIN KEY-----\nabcdefgh\nxy\n-----END KEY-----")).isEqualTo("****");
  }
}
