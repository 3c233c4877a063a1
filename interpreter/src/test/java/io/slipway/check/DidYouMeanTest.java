package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggestions only for likely typos (issue 10 item 8). */
class DidYouMeanTest {
  @Test
  void suggestsCloseNames() {
    assertThat(DidYouMean.closest("versoin", List.of("version", "Regex"))).isEqualTo("version");
    assertThat(DidYouMean.closest("forEch", List.of("forEach", "filter"))).isEqualTo("forEach");
    assertThat(DidYouMean.closest("Strin", List.of("String", "Int"))).isEqualTo("String");
    assertThat(DidYouMean.closest("ech", List.of("echo"))).isEqualTo("echo");
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertThat(DidYouMean.closest("repeat", List.of("Regex", "env"))).isNull();
    assertThat(DidYouMean.closest("Int", List.of("env", "sh"))).isNull();
    assertThat(DidYouMean.closest("let", List.of("get", "set"))).isNull();
  }
}
