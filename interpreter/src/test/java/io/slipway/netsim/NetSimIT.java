package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.docker.RealEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults against real containers on this kernel: loss, partitions, heal and cleanup. */
class NetSimIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  @Test
  void probesTheKernel() {
    try (var f = new SimFixture(ENGINE.get())) {
      Capabilities c = f.sim.capabilities();
      System.out.println(c.table());
      assertThat(c.has("statistic-random")).isTrue();
      assertThat(c.has("tbf")).isTrue();
      assertThat(c.has("comment")).isTrue();
    }
  }

  @Test
  void partitionDropsBothWaysAndHealRestores() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      Target c = f.start("c");
      f.sim.partition(List.of(List.of(a), List.of(b, c)), false, null, false);
      assertThat(f.sh(a, "ping -c 2 -W 1 " + b.ip()).exitCode()).isNotZero();
      assertThat(f.sh(b, "ping -c 2 -W 1 " + a.ip()).exitCode()).isNotZero();
      assertThat(f.sh(b, "ping -c 1 -W 2 " + c.ip()).exitCode()).isZero();
      f.sim.heal(false);
      assertThat(f.sh(a, "ping -c 1 -W 2 " + b.ip()).exitCode()).isZero();
      assertThat(f.sh(b, "ping -c 1 -W 2 " + a.ip()).exitCode()).isZero();
    }
  }

  @Test
  void nthLossIsExact() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target a = f.start("a");
      Target b = f.start("b");
      f.sim.flaky(List.of(b), 0, 4, null, false);
      Measurement m = f.sim.measure(a, b, 400);
      System.out.println(m.describe());
      assertThat(m.sent() - m.received()).isEqualTo(100);
    }
  }
}
