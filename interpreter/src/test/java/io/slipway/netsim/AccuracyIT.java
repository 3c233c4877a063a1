package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.docker.RealEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Accuracy on this kernel against real containers: random loss within 3 sigma of the binomial
 * over 1000 packets, egress and ingress rate within 10 %, latency p50 within +5 ms with jitter
 * bounds respected, and a killed delayer failing open.
 */
class AccuracyIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @Test
  void randomLossWithinThreeSigma() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.flaky(List.of(b), 0.3, 0, null, false);
      Measurement m = f.sim.measure(a, b, 1000);
      System.out.println("loss 30%: " + m.describe());
      double sigma = Math.sqrt(1000 * 0.3 * 0.7);
      assertThat((double) (m.sent() - m.received())).isBetween(300 - 3 * sigma, 300 + 3 * sigma);
    }
  }

  @Test
  void egressAndIngressRateWithinTenPercent() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.limit(List.of(b), 8_000_000, 0, null, false);
      Measurement egress = f.sim.measure(a, b, 5);
      System.out.println("egress 8mbit: " + egress.describe());
      assertThat(egress.throughputBps()).isBetween(7_200_000.0, 8_800_000.0);
      f.sim.heal(false);
      f.sim.limit(List.of(a), 0, 4_000_000, null, false);
      Measurement ingress = f.sim.measure(a, b, 5);
      System.out.println("ingress 4mbit: " + ingress.describe());
      assertThat(ingress.throughputBps()).isBetween(3_600_000.0, 4_400_000.0);
    }
  }

  @Test
  void latencyWithoutNetemWithinFiveMillisAndJitterBounds() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      var plan = f.sim.slow(List.of(a), Duration.ofMillis(50), Duration.ZERO, "auto", false, null, false);
      System.out.println(plan.notes());
      Measurement m = f.sim.measure(a, b, 200);
      System.out.println("slow 50ms: " + m.describe());
      assertThat(m.p50Ms()).isBetween(50.0, 55.0);
      assertThat(m.received()).as("held packets are released, not dropped").isGreaterThanOrEqualTo(198);
      f.sim.slow(List.of(a), Duration.ofMillis(40), Duration.ofMillis(10), "auto", false, null, false);
      Measurement j = f.sim.measure(a, b, 200);
      System.out.println("slow 40ms±10ms: " + j.describe());
      assertThat(j.p50Ms()).isBetween(38.0, 45.0);
      assertThat(j.p95Ms()).isLessThanOrEqualTo(55.0);
    }
  }

  @Test
  void killedDelayerFailsOpen() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.slow(List.of(a), Duration.ofMillis(200), Duration.ZERO, "auto", false, null, false);
      assertThat(f.sim.measure(a, b, 5).p50Ms()).isGreaterThanOrEqualTo(200.0);
      var killed = new Sidecars(f).exec(helper(f, a), "kill -9 $(cat /tmp/slipway-delayer-*.pid)");
      assertThat(killed.exitCode()).isZero();
      Measurement m = f.sim.measure(a, b, 50);
      System.out.println("delayer killed: " + m.describe());
      assertThat(m.received()).isEqualTo(50);
      assertThat(m.p50Ms()).isLessThan(5.0);
    }
  }

  private static String helper(SimFixture f, Target t) {
    return f.engine.listContainers(java.util.Map.of(Sidecars.TARGET, t.id())).get(0).id();
  }
}
