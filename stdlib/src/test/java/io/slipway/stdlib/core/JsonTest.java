package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.JsonValue;
import io.slipway.value.Pair;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {
  private final TestContext cx = new TestContext();
  private final JsonValue doc = (JsonValue) cx.call("json",
      "{\"items\": [{\"name\": \"a\", \"n\": 1}, {\"name\": 2, \"n\": 2.5}], \"ok\": true, \"weird key\": null}");

  private Object j(String name, Object recv, Object... args) {
    return cx.method("Json", name, recv, args);
  }

  @Test
  void accessByKeyAndIndex() {
    var items = j("get", doc, "items");
    var first = j("get", items, 0L);
    assertThat(j("asString", j("get", first, "name"))).isEqualTo("a");
    assertThat(j("asInt", j("get", first, "n"))).isEqualTo(1L);
    assertThat(j("asDouble", j("get", first, "n"))).isEqualTo(1.0);
    assertThat(j("asBool", j("get", doc, "ok"))).isEqualTo(true);
    assertThat(j("isNull", j("get", doc, "weird key"))).isEqualTo(true);
    assertThat(j("isNull", j("get", doc, "absent"))).isEqualTo(true);
    assertThat(((List<?>) j("asList", items))).hasSize(2);
    assertThat(cx.prop("Json", "size", items)).isEqualTo(2L);
    assertThat(Values.show(j("asMap", first))).isEqualTo("{name=\"a\", n=1}");
    assertThat(Values.show(j("toValue", doc))).isEqualTo("{items=[{name=a, n=1}, {name=2, n=2.5}], ok=true, weird key=null}");
  }

  @Test
  void wrongAccessNamesThePath() {
    var second = j("get", j("get", doc, "items"), 1L);
    assertThatThrownBy(() -> j("asString", j("get", second, "name"))).isInstanceOf(SlipException.class)
        .hasMessage("$.items[1].name: expected a string, found number");
    assertThatThrownBy(() -> j("asInt", j("get", second, "n")))
        .hasMessage("$.items[1].n: expected an integer, found number");
    assertThatThrownBy(() -> j("get", j("get", doc, "items"), 5L))
        .hasMessage("$.items[5]: index out of range (size 2)");
    assertThatThrownBy(() -> j("asString", j("get", j("get", doc, "absent"), "x")))
        .hasMessage("$.absent: expected an object, found nothing (no such key)");
    assertThatThrownBy(() -> j("asInt", j("get", doc, "weird key")))
        .hasMessage("$[\"weird key\"]: expected a number, found null");
    assertThatThrownBy(() -> cx.call("json", "{\"a\": }")).hasMessageStartingWith("invalid JSON at line 1, column 7");
  }

  @Test
  void printingAndEquality() {
    assertThat(doc.toString()).isEqualTo("{\"items\":[{\"name\":\"a\",\"n\":1},{\"name\":2,\"n\":2.5}],\"ok\":true,\"weird key\":null}");
    assertThat(cx.call("json", "[1, 2.0]")).isEqualTo(cx.call("json", "[1.0, 2]"));
    assertThat(cx.call("json", "[1, 2.0]").hashCode()).isEqualTo(cx.call("json", "[1.0, 2]").hashCode());
    assertThat(cx.call("json", "{\"a\": 1}")).isNotEqualTo(cx.call("json", "{\"a\": 2}"));
    var converted = cx.call("toJson", cx.call("mapOf", new Pair("d", cx.prop("Int", "seconds", 90L)), new Pair("xs", List.of(1L, "x"))));
    assertThat(converted.toString()).isEqualTo("{\"d\":\"1m30s\",\"xs\":[1,\"x\"]}");
    assertThatThrownBy(() -> cx.call("toJson", new SecretValue("T", "v"))).hasMessage("a Secret cannot be converted to JSON");
  }

  @Test
  void documentsBeyondTheParsersLimitsAreErrorsNamingTheLimit() {
    String deep = "[".repeat(1001) + "]".repeat(1001);
    assertThatThrownBy(() -> cx.call("json", deep)).isInstanceOf(SlipException.class)
        .hasMessage("invalid JSON at line 1, column 1001: nested deeper than 1000 levels (the limit of json())");
    assertThat(cx.call("json", "[".repeat(1000) + "]".repeat(1000))).isInstanceOf(JsonValue.class);
    String big = "\"" + "a".repeat(20_000_001) + "\"";
    assertThatThrownBy(() -> cx.call("json", big)).isInstanceOf(SlipException.class)
        .hasMessageStartingWith("invalid JSON at line 1, column ")
        .hasMessageEndingWith(": a string longer than 20000000 characters (the limit of json())");
    String number = "1" + "0".repeat(1001);
    assertThatThrownBy(() -> cx.call("json", number)).isInstanceOf(SlipException.class)
        .hasMessageEndingWith(": a number longer than 1000 digits (the limit of json())");
  }

  @Test
  void valuesTooDeepForJsonAreErrorsNotInternalOnes() {
    Object v = List.of();
    for (int i = 0; i < 1100; i++) {
      v = List.of(v);
    }
    Object deep = v;
    assertThatThrownBy(() -> cx.call("toJson", deep)).isInstanceOf(SlipException.class)
        .hasMessage("toJson: the value is nested deeper than 1000 levels (the limit of JSON documents)");
    var ok = (JsonValue) cx.call("json", "[".repeat(1000) + "]".repeat(1000));
    assertThat((String) j("toPrettyString", ok)).startsWith("[ [");
  }
}
