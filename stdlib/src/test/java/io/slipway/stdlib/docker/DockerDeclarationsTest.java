package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Effect;
import io.slipway.stdlib.Stdlib;
import io.slipway.value.SlipException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Docker builtin of spec §6, §7 and §9 is declared once, documented, and typed. */
class DockerDeclarationsTest {
  private final BuiltinRegistry registry = Stdlib.registry();

  @Test
  void everyOperationOfTheSpecIsDeclared() {
    for (String fn : List.of("build", "image", "pull", "load", "importImage", "start", "run", "service",
        "network", "volume", "healthy", "tcp", "http", "log", "registry", "promote", "compose", "docker",
        "tls", "on", "deploy", "link", "chaos")) {
      assertThat(registry.function(fn)).as(fn).isPresent();
    }
    for (String m : List.of("Image.tag", "Image.push", "Image.save", "Image.keep", "Image.remove",
        "Container.exec", "Container.sh", "Container.logs", "Container.copyFrom", "Container.copyTo",
        "Container.stop", "Container.kill", "Container.remove", "Container.ip", "Container.inspect",
        "Container.export", "Container.wait", "Container.canReach", "Network.connect", "Network.flaky",
        "Network.slow", "Network.limit", "Network.partition", "Network.heal", "Network.fast",
        "Network.status", "Registry.tags", "Stack.up", "Stack.down", "Stack.config", "Stack.service")) {
      String[] p = m.split("\\.");
      assertThat(registry.method(p[0], p[1])).as(m).isPresent();
    }
    assertThat(registry.property("Image", "ref")).isPresent();
    assertThat(registry.property("Container", "name")).isPresent();
    assertThat(registry.property(null, "Chaos")).isPresent();
  }

  @Test
  void dockerBuiltinsCarryTheDockerEffect() {
    for (String fn : List.of("build", "pull", "start", "service", "network", "volume", "promote",
        "on", "deploy", "undeploy", "swarmServices")) {
      assertThat(registry.function(fn).orElseThrow().effects()).as(fn).contains(Effect.DOCKER);
    }
    // `run` is overloaded: the Docker one, and Kotlin's block form `run { }`, which is not Docker
    assertThat(registry.overloads("run")).hasSize(2).anySatisfy(f -> {
      assertThat(f.params().get(0).name()).isEqualTo("image");
      assertThat(f.effects()).contains(Effect.DOCKER);
    }).anySatisfy(f -> {
      assertThat(f.params().get(0).name()).isEqualTo("block");
      assertThat(f.effects()).isEmpty();
    });
    for (String m : List.of("up", "down", "ps", "logs", "restart", "scale", "run")) {
      assertThat(registry.method("Stack", m).orElseThrow().effects()).as("Stack." + m).contains(Effect.DOCKER);
    }
    // loading and rendering compose files never needs the engine
    assertThat(registry.function("compose").orElseThrow().effects()).doesNotContain(Effect.DOCKER);
    assertThat(registry.method("Stack", "config").orElseThrow().effects()).doesNotContain(Effect.DOCKER);
    // a reference or a readiness condition does not touch the engine
    assertThat(registry.function("image").orElseThrow().effects()).doesNotContain(Effect.DOCKER);
    assertThat(registry.function("tcp").orElseThrow().effects()).doesNotContain(Effect.DOCKER);
    // naming an engine connects to nothing: the first step inside on(engine) does
    assertThat(registry.function("docker").orElseThrow().effects()).isEmpty();
  }

  @Test
  void linkCollectsItsToxicsOnTheReceiver() throws Exception {
    assertThat(registry.function("link").orElseThrow().effects()).contains(Effect.DOCKER);
    var scope = new LinkScopeValue(io.slipway.netsim.Link.to("server", "172.18.0.5", 80));
    registry.method("LinkScope", "latency").orElseThrow().impl().call(null, scope,
        new Object[] {java.time.Duration.ofMillis(200), java.time.Duration.ofMillis(20)});
    registry.method("LinkScope", "limitData").orElseThrow().impl().call(null, scope,
        new Object[] {new io.slipway.value.ByteSize(1024)});
    registry.method("LinkScope", "resetPeer").orElseThrow().impl().call(null, scope,
        new Object[] {java.time.Duration.ofSeconds(1)});
    assertThat(scope.link().describe()).isEqualTo("link server:80 (latency 200ms±20ms, reset after 1000ms, limit 1024 bytes)");
    assertThatThrownBy(() -> registry.method("LinkScope", "timeout").orElseThrow().impl().call(null, scope,
        new Object[] {java.time.Duration.ofSeconds(-1)})).hasMessage("link timeout: after must not be negative");
    for (String toxic : java.util.List.of("bandwidth", "timeout", "slowClose")) {
      assertThat(registry.method("LinkScope", toxic)).isPresent();
    }
  }

  @Test
  void readinessConditionsAreValues() throws Exception {
    Object tcp = registry.function("tcp").orElseThrow().impl().call(null, null,
        new Object[] {5432L, java.time.Duration.ofSeconds(5)});
    assertThat(tcp).isEqualTo(new Readiness.Tcp(5432, java.time.Duration.ofSeconds(5)));
    assertThat(ContainerOps.healthSpec((Readiness) tcp).test()).startsWith("CMD-SHELL");
    assertThat(ContainerOps.healthSpec((Readiness) tcp).test().get(1)).startsWith("nc -z 127.0.0.1 5432");
    assertThatThrownBy(() -> registry.function("log").orElseThrow().impl().call(null, null,
        new Object[] {"(", java.time.Duration.ofSeconds(1)})).hasMessageContaining("invalid regex");
  }
}
