package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Partition semantics, folding of requests, and backend choice (no engine needed). */
class RequestTest {
  static final Target A = new Target("a", "a", "10.0.0.1", "sim");
  static final Target B = new Target("b", "b", "10.0.0.2", "sim");
  static final Target C = new Target("c", "c", "10.0.0.3", "sim");
  static final Target D = new Target("d", "d", "10.0.0.4", "sim");

  @Test
  void twoWayPartitionBlocksAcrossGroupsOnly() {
    var p = new Request.Partition(1, List.of(List.of(A), List.of(B, C)), false, false);
    assertThat(p.blocks(A, B)).isTrue();
    assertThat(p.blocks(B, A)).isTrue();
    assertThat(p.blocks(B, C)).isFalse();
    assertThat(p.blocks(A, D)).as("containers in no group are not affected").isFalse();
    assertThat(p.fold(A, Conditions.NONE).dropFrom()).containsExactlyInAnyOrder("10.0.0.2", "10.0.0.3");
    assertThat(p.fold(B, Conditions.NONE).dropFrom()).containsExactly("10.0.0.1");
  }

  @Test
  void oneWayBlocksOnlyFirstToLater() {
    var p = new Request.Partition(1, List.of(List.of(A), List.of(B), List.of(C)), true, false);
    assertThat(p.blocks(A, B)).isTrue();
    assertThat(p.blocks(A, C)).isTrue();
    assertThat(p.blocks(B, A)).isFalse();
    assertThat(p.blocks(B, C)).isFalse();
    assertThat(p.fold(A, Conditions.NONE).dropFrom()).isEmpty();
    assertThat(p.fold(B, Conditions.NONE).dropFrom()).containsExactly("10.0.0.1");
  }

  @Test
  void overlappingGroupsKeepSharedMembersConnected() {
    var p = new Request.Partition(1, List.of(List.of(A, B), List.of(B, C)), false, false);
    assertThat(p.blocks(A, B)).isFalse();
    assertThat(p.blocks(B, C)).isFalse();
    assertThat(p.blocks(A, C)).isTrue();
    assertThat(p.blocks(C, A)).isTrue();
  }

  @Test
  void laterConditionReplacesEarlierAndFastRemovesOnlyConditions() {
    Request first = new Request.Loss(1, List.of(A, B), 0.5, 0);
    Request second = new Request.Loss(2, List.of(A), 0.1, 0);
    Conditions c = second.fold(A, first.fold(A, Conditions.NONE));
    assertThat(c.loss()).isEqualTo(0.1);
    assertThat(first.without(Set.of("a"))).isEqualTo(new Request.Loss(1, List.of(B), 0.5, 0));
    assertThat(second.without(Set.of("a"))).isNull();
    var p = new Request.Partition(3, List.of(List.of(A), List.of(B)), false, false);
    assertThat(p.without(Set.of("a"))).isSameAs(p);
  }

  @Test
  void strictRefusesToSubstituteForNetem() {
    var noNetem = new Capabilities("6.18", Map.of("nfqueue", true, "delayer", true));
    assertThat(NetSim.chooseDelayBackend(noNetem, "auto", false)).isEqualTo(Backend.NFQUEUE);
    assertThatThrownBy(() -> NetSim.chooseDelayBackend(noNetem, "auto", true))
        .hasMessageContaining("sch_netem").hasMessageContaining("nfqueue").hasMessageContaining("link {");
    assertThatThrownBy(() -> NetSim.chooseDelayBackend(noNetem, "netem", false)).hasMessageContaining("sch_netem");
    var nothing = new Capabilities("6.18", Map.of());
    assertThatThrownBy(() -> NetSim.chooseDelayBackend(nothing, "auto", false))
        .hasMessageContaining("NFQUEUE").hasMessageContaining("link {");
    var netem = new Capabilities("6.1", Map.of("netem", true));
    assertThat(NetSim.chooseDelayBackend(netem, "auto", true)).isEqualTo(Backend.NETEM);
    assertThat(Backend.NFQUEUE.fidelity(100_000, 10_000)).isEqualTo(
        "100ms±10ms via nfqueue delayer, per packet, egress, may reorder, fails open");
  }
}
