package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.TestContext.fn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringsAndUnitsTest {
  private final TestContext cx = new TestContext();

  private Object s(String name, String recv, Object... args) {
    return cx.method("String", name, recv, args);
  }

  @Test
  void strings() {
    assertThat(cx.prop("String", "length", "héllo")).isEqualTo(5L);
    assertThat(s("get", "abc", 1L)).isEqualTo('b');
    assertThat(s("split", "a,,b", ",")).isEqualTo(List.of("a", "", "b"));
    assertThat(s("split", "a,b,c", ",", 2L)).isEqualTo(List.of("a", "b,c"));
    assertThat(s("lines", "a\r\nb\nc")).isEqualTo(List.of("a", "b", "c"));
    assertThat(s("substringBefore", "v1.2.3", ".")).isEqualTo("v1");
    assertThat(s("substringAfterLast", "a/b/c.jar", "/")).isEqualTo("c.jar");
    assertThat(s("substringAfter", "none", ":")).isEqualTo("none");
    assertThat(s("padStart", "7", 3L, "0")).isEqualTo("007");
    assertThat(s("replace", "a.b.c", ".", "/")).isEqualTo("a/b/c");
    assertThat(s("replace", "Hello", "hello", "bye", true)).isEqualTo("bye");
    assertThat(s("startsWith", "Slipway", "slip", true)).isEqualTo(true);
    assertThat(s("removePrefix", "refs/heads/main", "refs/heads/")).isEqualTo("main");
    assertThat(s("toIntOrNull", "12x")).isNull();
    assertThat(s("toInt", "-42")).isEqualTo(-42L);
    assertThat(s("toDoubleOrNull", "1.5e3")).isEqualTo(1500.0);
    assertThat(s("toDoubleOrNull", "1f")).isNull();
    assertThat(s("matches", "v1.2", "v\\d+\\.\\d+")).isEqualTo(true);
    assertThat(s("ifEmpty", "", fn(a -> "dflt"))).isEqualTo("dflt");
    assertThat(s("trimIndent", "\n    a\n      b\n    ")).isEqualTo("a\n  b");
    assertThat(s("trimMargin", "\n  |x\n  |y\n")).isEqualTo("x\ny");
    assertThat(s("format", "%s has %d items, %.1f%%", "cart", 3L, 12.34)).isEqualTo("cart has 3 items, 12.3%");
    assertThat(s("take", "abcdef0123", 7L)).isEqualTo("abcdef0");
    assertThat(s("equals", "Main", "main", true)).isEqualTo(true);
    assertThat(s("equals", "Main", "main")).isEqualTo(false);
    assertThat(s("compareTo", "a", "b")).isEqualTo(-1L);
    assertThatThrownBy(() -> s("toInt", "x")).isInstanceOf(SlipException.class)
        .hasMessage("invalid number: \"x\" is not an Int");
    assertThatThrownBy(() -> s("matches", "x", "(")).hasMessageStartingWith("invalid regular expression `(`");
  }

  @Test
  void secretsNeverBecomeStrings() {
    var secret = new SecretValue("TOKEN", "hunter2");
    assertThatThrownBy(() -> cx.method("Any", "toString", secret)).hasMessage("a Secret cannot be converted to a string");
    assertThatThrownBy(() -> s("format", "%s", secret)).hasMessage("a Secret cannot be converted to a string");
  }

  @Test
  void numbers() {
    assertThat(cx.method("Int", "coerceIn", 15L, 0L, 10L)).isEqualTo(10L);
    assertThat(cx.method("Double", "roundToInt", 2.5)).isEqualTo(3L);
    assertThat(cx.method("Int", "toString", 255L, 16L)).isEqualTo("ff");
    assertThat(cx.method("Int", "toString", 255L)).isEqualTo("255");
    assertThat(cx.prop("Int", "absoluteValue", -3L)).isEqualTo(3L);
    assertThat(cx.call("maxOf", 2L, 7L)).isEqualTo(7L);
    assertThat(cx.call("minOf", "b", "a")).isEqualTo("a");
  }

  @Test
  void unitsPrintAsWritten() {
    assertThat(Values.show(cx.prop("Int", "seconds", 90L))).isEqualTo("1m30s");
    assertThat(Values.show(cx.prop("Int", "seconds", 45L))).isEqualTo("45s");
    assertThat(Values.show(cx.prop("Int", "ms", 150L))).isEqualTo("150ms");
    assertThat(Values.show(cx.prop("Double", "seconds", 1.5))).isEqualTo("1s500ms");
    assertThat(Values.show(cx.prop("Int", "hours", 2L))).isEqualTo("2h");
    assertThat(Values.show(cx.prop("Int", "percent", 20L))).isEqualTo("20%");
    assertThat(Values.show(cx.prop("Int", "mbit", 8L))).isEqualTo("8mbit");
    assertThat(Values.show(cx.prop("Int", "kbit", 50L))).isEqualTo("50kbit");
    assertThat(Values.show(cx.prop("Int", "mb", 64L))).isEqualTo("64mb");
    assertThat(cx.prop("Duration", "inWholeSeconds", cx.prop("Int", "minutes", 2L))).isEqualTo(120L);
    assertThatThrownBy(() -> cx.prop("Int", "percent", 101L)).isInstanceOf(SlipException.class)
        .hasMessage("percent must be in 0..100, was 101");
    assertThatThrownBy(() -> cx.prop("Int", "gb", Long.MAX_VALUE / 2)).hasMessageEndingWith(".gb is too large");
  }
}
