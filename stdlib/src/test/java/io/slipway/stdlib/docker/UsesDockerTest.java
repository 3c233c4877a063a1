package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.pipeline.DockerUse;
import io.slipway.source.SourceFile;
import io.slipway.stdlib.Stdlib;
import io.slipway.syntax.SlipParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DockerUse#usesDocker}: what decides whether a run connects to the engine early.
 * A pipeline saying no must be one that never needs Docker.
 */
class UsesDockerTest {
  private static final BuiltinRegistry REGISTRY = Stdlib.registry();

  private static boolean usesDocker(String text) {
    var program = SlipParser.parse(SourceFile.of("Slipfile", text)).program();
    return DockerUse.usesDocker(REGISTRY, List.of(program));
  }

  @Test
  void hostOnlyPipelinesDoNotUseDocker() {
    assertThat(usesDocker("""
        val x = 1
        fun greet(n: String): String = "hi $n"
        pipeline("host") {
            stage("a") { sh("make"); echo(greet("x")) }
            parallel { stage("b") { sleep(1.seconds) } }
        }
        """)).isFalse();
  }

  @Test
  void agentsDockerBuiltinsAndDockerMethodsInFunctionsDo() {
    assertThat(usesDocker("""
        pipeline("p") {
            agent(image = "busybox")
            stage("a") { sh("true") }
        }
        """)).isTrue();
    assertThat(usesDocker("""
        pipeline("p") {
            stage("a") { agent("busybox"); sh("true") }
        }
        """)).isTrue();
    assertThat(usesDocker("""
        fun up() {
            val db = run("postgres:16")
            db.stop()
        }
        pipeline("p") {
            stage("a") { up() }
        }
        """)).isTrue();
  }
}
