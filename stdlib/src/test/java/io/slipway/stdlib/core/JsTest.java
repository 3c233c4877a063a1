package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.JsonValue;
import io.slipway.value.SlipException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JavaScript sandbox: values as JSON, functions, errors with lines, and its limits. */
class JsTest {
  private final TestContext cx = new TestContext();

  private Object js(String code) {
    return cx.call("js", code);
  }

  @Test
  void valuesCrossAsJson() {
    assertThat(js("[1,2,3].map(x => x * 2)").toString()).isEqualTo("[2,4,6]");
    assertThat(js("({a: 'x', b: [true, null]})").toString()).isEqualTo("{\"a\":\"x\",\"b\":[true,null]}");
    assertThat(js("undefined").toString()).isEqualTo("null");
    assertThat(((JsonValue) js("1 + 1")).asInt()).isEqualTo(2L);
  }

  @Test
  void functionsAreCalledWithJsonArguments() {
    var add = (JsonValue) js("(a, b) => a + b");
    assertThat(add.isFunction()).isTrue();
    assertThat(add.toString()).isEqualTo("<js function>");
    assertThat(cx.method("Json", "call", add, 1L, 2L).toString()).isEqualTo("3");
    assertThat(cx.method("Json", "call", add, "a", "b").toString()).isEqualTo("\"ab\"");
    var keys = (JsonValue) js("o => Object.keys(o).sort()");
    assertThat(cx.method("Json", "call", keys, cx.call("json", "{\"b\":1,\"a\":2}")).toString()).isEqualTo("[\"a\",\"b\"]");
    assertThatThrownBy(() -> cx.method("Json", "call", cx.call("json", "1")))
        .hasMessage("$: expected a JavaScript function, found number");
  }

  @Test
  void errorsCarryTheJavaScriptMessageAndLine() {
    assertThatThrownBy(() -> js("const a = 1;\nnull.x")).isInstanceOf(SlipException.class)
        .hasMessageStartingWith("js: TypeError: Cannot read property 'x' of null")
        .hasMessageEndingWith("(script line 2)");
    assertThatThrownBy(() -> js("1 +")).hasMessageStartingWith("js: SyntaxError");
    assertThatThrownBy(() -> js("throw new Error('boom')")).hasMessage("js: Error: boom (script line 1)");
  }

  @Test
  void noHostAccess() {
    assertThat(js("typeof java").toString()).isEqualTo("\"undefined\"");
    assertThat(js("typeof Polyglot").toString()).isEqualTo("\"undefined\"");
    assertThat(js("typeof quit").toString()).isEqualTo("\"undefined\"");
    assertThat(js("typeof Graal").toString()).isEqualTo("\"undefined\"");
    assertThat(js("typeof require").toString()).isEqualTo("\"undefined\"");
    assertThat(js("typeof Java").toString()).isEqualTo("\"undefined\"");
    assertThatThrownBy(() -> js("Java.type('java.lang.System')")).isInstanceOf(SlipException.class)
        .hasMessageStartingWith("js: ReferenceError: Java is not defined");
    assertThatThrownBy(() -> js("load('/etc/passwd')")).isInstanceOf(SlipException.class);
  }

  @Test
  void infiniteLoopHitsTheTimeLimit() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> cx.call("js", "while (true) {}", Duration.ofMillis(500)))
        .isInstanceOf(SlipException.class)
        .satisfies(e -> assertThat(((SlipException) e).error().type()).isEqualTo("Timeout"))
        .hasMessage("js: the script did not finish within 500ms");
    // generous: the first script also pays for loading the engine on a busy CI machine; the
    // message above already proves it was the time limit, not the statement limit
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    // the engine is still usable afterwards
    assertThat(js("2 * 21").toString()).isEqualTo("42");
  }

  @Test
  void memoryAndStackLimitsSayWhichOneStoppedTheScript() {
    // (the time limit has its own test above; the statement limit, 100,000,000 statements, takes
    // minutes to reach on a loaded machine, so only its message mapping is shared code)
    // a memory bomb fills the worker's capped heap, not this JVM's (before: it grew Slipway's own)
    long before = Runtime.getRuntime().totalMemory();
    assertThatThrownBy(() -> cx.call("js", "const a = []; while (true) a.push(new Array(1000000).fill(7))",
        Duration.ofSeconds(120)))
        .isInstanceOf(SlipException.class)
        .hasMessageStartingWith("js: the script ran out of memory (the limit is 256m");
    assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(256L << 20);
    assertThatThrownBy(() -> cx.call("js", "function f(n) { return f(n + 1) + 1 }; f(0)", Duration.ofSeconds(120)))
        .isInstanceOf(SlipException.class)
        .satisfies(e -> assertThat(e.getMessage()).isIn("js: the script recursed too deeply",
            "js: RangeError: Maximum call stack size exceeded (script line 1)"));
    // and a fresh worker still answers
    assertThat(js("[1, 2].length").toString()).isEqualTo("2");
  }
}
