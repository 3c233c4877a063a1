package io.slipway.compose.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.SwarmServiceSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hashes by which a second deploy tells unchanged services, and services whose tasks stay, from changed ones. */
class HashesTest {
  private static SwarmServiceSpec spec(String image, Integer replicas, Map<String, String> env) {
    return new SwarmServiceSpec("st_web", image, null, List.of("sleep", "3600"), env,
        Map.of("com.docker.stack.namespace", "st"), Map.of("tier", "front"), false, replicas,
        List.of(new SwarmServiceSpec.Attachment("st_default", List.of("web"))),
        List.of(new SwarmServiceSpec.Published(80, 8080, "tcp", "ingress")), null, null,
        new SwarmServiceSpec.Update(1, null, null, Duration.ofSeconds(1), null, null), null, null, null,
        Duration.ofSeconds(1), null, null, null, true, List.of());
  }

  private static String specHash(SwarmServiceSpec s) {
    return s.labels().get(StackSpec.SPEC_HASH);
  }

  private static String taskHash(SwarmServiceSpec s) {
    return s.containerLabels().get(StackSpec.TASK_HASH);
  }

  @Test
  void theSameSpecStampsTheSameHashesAndKeepsEverythingElse() {
    SwarmServiceSpec a = Hashes.stamp(spec("img:1", 2, Map.of("A", "1", "B", "2")));
    SwarmServiceSpec b = Hashes.stamp(spec("img:1", 2, Map.of("B", "2", "A", "1")));
    assertThat(specHash(a)).isEqualTo(specHash(b)).hasSize(32);
    assertThat(taskHash(a)).isEqualTo(taskHash(b)).hasSize(32);
    SwarmServiceSpec plain = spec("img:1", 2, Map.of("A", "1", "B", "2"));
    assertThat(a.withLabels(plain.labels(), plain.containerLabels())).isEqualTo(plain);
  }

  @Test
  void replicasChangeTheSpecHashOnlyAndTheImageChangesBoth() {
    SwarmServiceSpec base = Hashes.stamp(spec("img:1", 2, Map.of()));
    SwarmServiceSpec scaled = Hashes.stamp(spec("img:1", 3, Map.of()));
    SwarmServiceSpec rolled = Hashes.stamp(spec("img:2", 2, Map.of()));
    assertThat(specHash(scaled)).isNotEqualTo(specHash(base));
    assertThat(taskHash(scaled)).isEqualTo(taskHash(base));
    assertThat(specHash(rolled)).isNotEqualTo(specHash(base));
    assertThat(taskHash(rolled)).isNotEqualTo(taskHash(base));
  }
}
