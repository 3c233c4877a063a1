package io.slipway.stdlib;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ContainerEngine;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline whose steps never need Docker never calls the engine factory; one that does calls
 * it exactly once (the same test registry, plus one builtin with {@link Effect#DOCKER}, proves
 * the check can fail).
 */
class EngineUseTest {
  @TempDir Path dir;

  private final AtomicInteger factoryCalls = new AtomicInteger();

  private BuiltinRegistry registry() {
    var registry = new BuiltinRegistry();
    var decl = new Declarations(registry);
    Stdlib.libraries().forEach(l -> l.declare(decl));
    decl.category("Test");
    decl.fn("testEngineAddress").effects(Effect.DOCKER).returns("String")
        .doc("Connects to the engine and returns its address (test only).")
        .impl((cx, r, a) -> cx.run().engine().address());
    return registry.freeze();
  }

  private RunResult run(String source) throws Exception {
    BuiltinRegistry registry = registry();
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, source);
    var slipway = new Slipway(registry);
    var checked = slipway.check(file);
    assertThat(checked.diagnostics()).isEmpty();
    return slipway.run(checked, RunOptions.defaults().withEngineFactory(() -> {
      factoryCalls.incrementAndGet();
      return (ContainerEngine) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ContainerEngine.class}, (p, m, args) -> switch (m.getName()) {
            case "address" -> "fake://engine";
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
          });
    }));
  }

  @Test
  void pipelineWithoutDockerStepsNeverCallsTheEngineFactory() throws Exception {
    RunResult r = run("""
        pipeline("no-docker") {
            parallel {
                stage("a") { sh("echo hi") }
                stage("b") { echo(listOf(1, 2).map { it * 2 }) }
            }
            post { always { echo("done") } }
        }
        """);
    assertThat(r.exitCode()).as(r.error()).isZero();
    assertThat(factoryCalls).hasValue(0);
  }

  @Test
  void aDockerStepConnectsOnce() throws Exception {
    RunResult r = run("""
        pipeline("docker") {
            stage("a") {
                assert(testEngineAddress() == "fake://engine")
                assert(testEngineAddress() == "fake://engine")
            }
        }
        """);
    assertThat(r.exitCode()).as(r.error()).isZero();
    assertThat(factoryCalls).hasValue(1);
  }
}
