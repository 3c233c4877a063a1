package io.slipway.stdlib.core;

import static io.slipway.stdlib.core.TestContext.fn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.Pair;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionsTest {
  private final TestContext cx = new TestContext();

  private List<?> list(Object... xs) {
    return (List<?>) cx.call("listOf", xs);
  }

  private Object m(String name, Object recv, Object... args) {
    return cx.method(recv instanceof ArrayList ? "MutableList" : recv instanceof LinkedHashMap ? "MutableMap"
        : recv instanceof Map ? "Map" : "List", name, recv, args);
  }

  @Test
  void listOfIsImmutableAndNotAMutableList() {
    var xs = list(1L, null, 3L);
    assertThat(xs).isNotInstanceOf(ArrayList.class);
    assertThatThrownBy(() -> xs.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Values.show(xs)).isEqualTo("[1, null, 3]");
    assertThat(cx.call("mutableListOf", 1L)).isInstanceOf(ArrayList.class);
  }

  @Test
  void transformsAndAggregates() {
    var xs = list(3L, 1L, 2L);
    assertThat(m("map", xs, fn(a -> (Long) a.get(0) * 10))).isEqualTo(List.of(30L, 10L, 20L));
    assertThat(m("filter", xs, fn(a -> (Long) a.get(0) > 1))).isEqualTo(List.of(3L, 2L));
    assertThat(m("sorted", xs)).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(m("sortedDescending", xs)).isEqualTo(List.of(3L, 2L, 1L));
    assertThat(m("sum", xs)).isEqualTo(6L);
    assertThat(m("sum", list(1L, 2.5))).isEqualTo(3.5);
    assertThat(m("maxOrNull", xs)).isEqualTo(3L);
    assertThat(m("minOrNull", list())).isNull();
    assertThat(m("fold", xs, 100L, fn(a -> (Long) a.get(0) + (Long) a.get(1)))).isEqualTo(106L);
    assertThat(m("joinToString", xs)).isEqualTo("3, 1, 2");
    assertThat(m("joinToString", xs, "+", "[", "]")).isEqualTo("[3+1+2]");
    assertThat(m("count", xs, fn(a -> (Long) a.get(0) >= 2))).isEqualTo(2L);
    assertThat(m("any", list())).isEqualTo(false);
    assertThat(m("first", xs)).isEqualTo(3L);
    assertThat(m("first", xs, fn(a -> (Long) a.get(0) < 3))).isEqualTo(1L);
    assertThat(m("firstOrNull", xs, fn(a -> (Long) a.get(0) > 5))).isNull();
    assertThat(m("chunked", list(1L, 2L, 3L, 4L, 5L), 2L)).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L), List.of(5L)));
    assertThat(m("windowed", list(1L, 2L, 3L), 2L)).isEqualTo(List.of(List.of(1L, 2L), List.of(2L, 3L)));
    assertThat(m("zip", xs, list("a", "b"))).isEqualTo(List.of(new Pair(3L, "a"), new Pair(1L, "b")));
    assertThat(m("take", xs, 5L)).isEqualTo(xs);
    assertThat(m("dropLast", xs, 1L)).isEqualTo(List.of(3L, 1L));
    assertThat(m("distinct", list(1L, 1L, 2L))).isEqualTo(List.of(1L, 2L));
    assertThat(m("sortedBy", list("bb", "a", "ccc"), fn(a -> (long) ((String) a.get(0)).length())))
        .isEqualTo(List.of("a", "bb", "ccc"));
    assertThat(m("filterNotNull", list(1L, null))).isEqualTo(List.of(1L));
  }

  @Test
  void groupingKeepsFirstSeenOrder() {
    var words = list("apple", "bob", "avocado", "cat");
    var grouped = (Map<?, ?>) m("groupBy", words, fn(a -> ((String) a.get(0)).substring(0, 1)));
    assertThat(Values.show(grouped)).isEqualTo("{a=[apple, avocado], b=[bob], c=[cat]}");
    var parts = (Pair) m("partition", words, fn(a -> ((String) a.get(0)).length() > 3));
    assertThat(Values.show(parts)).isEqualTo("([apple, avocado], [bob, cat])");
    assertThat(Values.show(m("associateWith", list("a", "bb"), fn(a -> (long) ((String) a.get(0)).length()))))
        .isEqualTo("{a=1, bb=2}");
  }

  @Test
  void errorsAreSlipwayErrors() {
    assertThatThrownBy(() -> m("get", list(1L), 3L)).isInstanceOf(SlipException.class)
        .hasMessage("index 3 out of bounds for length 1");
    assertThatThrownBy(() -> m("first", list())).hasMessage("list is empty");
    assertThatThrownBy(() -> m("reduce", list(), fn(a -> a.get(0)))).hasMessage("empty list cannot be reduced");
    assertThatThrownBy(() -> m("sum", list("a"))).hasMessage("expected a number, found a");
  }

  @Test
  void mutableList() {
    @SuppressWarnings("unchecked")
    var xs = (List<Object>) cx.call("mutableListOf", 1L, 2L);
    m("add", xs, 3L);
    m("set", xs, 0L, 10L);
    assertThat(m("removeAt", xs, 1L)).isEqualTo(2L);
    m("insert", xs, 0L, 0L);
    assertThat(xs).containsExactly(0L, 10L, 3L);
    assertThat(m("removeAll", xs, fn(a -> (Long) a.get(0) > 5))).isEqualTo(true);
    assertThat(xs).containsExactly(0L, 3L);
    // List methods are found through the MutableList <: List supertype
    assertThat(m("joinToString", xs, "-")).isEqualTo("0-3");
  }

  @Test
  void rangesAreLazyAndStep() {
    var r = (List<?>) cx.method("Int", "until", 0L, 1_000_000_000L);
    assertThat(r.size()).isEqualTo(1_000_000_000);
    assertThat(cx.method("List", "step", cx.method("Int", "until", 1L, 11L), 3L)).isEqualTo(List.of(1L, 4L, 7L, 10L));
    assertThat(cx.method("Int", "downTo", 3L, 1L)).isEqualTo(List.of(3L, 2L, 1L));
    assertThat(cx.method("Int", "downTo", 1L, 3L)).isEqualTo(List.of());
  }

  @Test
  void maps() {
    var map = (Map<?, ?>) cx.call("mapOf", new Pair("a", 1L), new Pair("b", 2L));
    assertThat(Values.show(map)).isEqualTo("{a=1, b=2}");
    assertThat(m("get", map, "z")).isNull();
    assertThat(Values.show(m("mapValues", map, fn(a -> (Long) ((Map.Entry<?, ?>) a.get(0)).getValue() * 2)))).isEqualTo("{a=2, b=4}");
    assertThat(Values.show(m("filter", map, fn(a -> ((Map.Entry<?, ?>) a.get(0)).getKey().equals("b"))))).isEqualTo("{b=2}");
    assertThat(Values.show(m("plus", map, new Pair("c", 3L)))).isEqualTo("{a=1, b=2, c=3}");
    assertThat(Values.show(m("toList", map))).isEqualTo("[(a, 1), (b, 2)]");
    assertThat(Values.show(cx.prop("Map", "keys", map))).isEqualTo("[a, b]");
    @SuppressWarnings("unchecked")
    var mm = (Map<Object, Object>) cx.call("mutableMapOf");
    assertThat(m("getOrPut", mm, "k", fn(a -> 5L))).isEqualTo(5L);
    assertThat(m("getOrPut", mm, "k", fn(a -> 6L))).isEqualTo(5L);
    m("set", mm, "j", null);
    var seen = new ArrayList<String>();
    m("forEach", mm, fn(a -> seen.add(String.valueOf(a.get(0)))));
    assertThat(seen).containsExactly("k=5", "j=null");
  }
}
