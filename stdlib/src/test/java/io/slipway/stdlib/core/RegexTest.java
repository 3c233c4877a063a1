package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.SlipException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegexTest {
  private final TestContext cx = new TestContext();

  @Test
  void findGroupsReplaceSplit() {
    Object re = cx.call("Regex", "v(\\d+)\\.(\\d+)(-rc)?");
    assertThat(cx.method("Regex", "matches", re, "v1.22")).isEqualTo(true);
    assertThat(cx.method("Regex", "containsMatchIn", re, "tag v1.2 here")).isEqualTo(true);
    Object m = cx.method("Regex", "find", re, "app v3.14 and v2.7-rc");
    assertThat(cx.prop("MatchResult", "value", m)).isEqualTo("v3.14");
    assertThat(cx.prop("MatchResult", "groupValues", m)).isEqualTo(List.of("v3.14", "3", "14", ""));
    assertThat(cx.prop("MatchResult", "start", m)).isEqualTo(4L);
    assertThat(cx.method("Regex", "find", re, "none")).isNull();
    var all = (List<?>) cx.method("Regex", "findAll", re, "v1.0 v2.1-rc");
    assertThat(all).hasSize(2);
    assertThat(cx.prop("MatchResult", "groupValues", all.get(1))).isEqualTo(List.of("v2.1-rc", "2", "1", "-rc"));
    assertThat(cx.method("Regex", "replace", re, "from v1.2 to v1.3", "$1")).isEqualTo("from 1 to 1");
    assertThat(cx.method("Regex", "split", cx.call("Regex", "\\s*,\\s*"), "a , b,,c")).isEqualTo(List.of("a", "b", "", "c"));
    assertThat(cx.method("Any", "toString", re)).isEqualTo("v(\\d+)\\.(\\d+)(-rc)?");
  }

  @Test
  void badPatternsAreSlipwayErrors() {
    assertThatThrownBy(() -> cx.call("Regex", "(")).isInstanceOf(SlipException.class)
        .hasMessageStartingWith("invalid regular expression `(`");
    Object re = cx.call("Regex", "a");
    assertThatThrownBy(() -> cx.method("Regex", "replace", re, "a", "$2")).isInstanceOf(SlipException.class)
        .hasMessageStartingWith("invalid replacement \"$2\"");
  }
}
