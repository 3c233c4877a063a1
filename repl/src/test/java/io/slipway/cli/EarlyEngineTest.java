package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.api.Slipway;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineUnavailable;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import io.slipway.syntax.ast.Program;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway run}'s early engine connection: started once the file is parsed (before its
 * check), taken by the run's first use, closed when never taken; and the parse hook of
 * {@link Slipway#whenParsed} it relies on.
 */
class EarlyEngineTest {
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger connections = new AtomicInteger();

  private ContainerEngine connect() {
    int n = connections.incrementAndGet();
    events.add("connect " + n);
    return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ContainerEngine.class}, (proxy, m, args) -> {
          if (m.getName().equals("close")) {
            events.add("close " + n);
          }
          return m.getName().equals("toString") ? "engine " + n : null;
        });
  }

  @Test
  void theFirstUseTakesTheConnectionStartedEarlyAndLaterOnesConnectAnew() {
    var early = new Engines.Early(this::connect);
    early.start();
    early.start(); // once
    ContainerEngine first = early.get();
    assertThat(first).hasToString("engine 1");
    assertThat(early.get()).hasToString("engine 2");
    early.closeUnclaimed();
    assertThat(events).containsExactly("connect 1", "connect 2");
  }

  @Test
  void neverStartedItConnectsOnFirstUseOnly() {
    var early = new Engines.Early(this::connect);
    early.closeUnclaimed();
    assertThat(connections).hasValue(0);
    assertThat(early.get()).hasToString("engine 1");
  }

  @Test
  void aConnectionNobodyTookIsClosed() throws Exception {
    var early = new Engines.Early(this::connect);
    early.start();
    early.closeUnclaimed();
    for (int i = 0; i < 500 && !events.contains("close 1"); i++) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(events).containsExactly("connect 1", "close 1");
  }

  @Test
  void anEarlyFailureIsTheFirstUsesFailure() {
    var early = new Engines.Early(() -> {
      throw new EngineUnavailable("unix:///nowhere.sock", "no such file");
    });
    early.start();
    assertThatThrownBy(early::get).isInstanceOf(EngineUnavailable.class).hasMessageContaining("nowhere.sock");
  }

  @Test
  void theParseHookSeesTheTreeBeforeTheCheckEndsAndCannotBreakIt() throws Exception {
    var seen = new CountDownLatch(1);
    List<Program> trees = Collections.synchronizedList(new ArrayList<>());
    var source = SourceFile.of("p.slip", "pipeline(\"p\") { stage(\"s\") { echo(\"hi\") } }\n");
    var checked = new Slipway(Stdlib.registry()).whenParsed(p -> {
      trees.add(p);
      seen.countDown();
      throw new IllegalStateException("a failing hook");
    }).check(source);
    assertThat(seen.await(0, TimeUnit.SECONDS)).isTrue();
    assertThat(trees).hasSize(1);
    assertThat(checked.diagnostics()).isEmpty();
  }
}
