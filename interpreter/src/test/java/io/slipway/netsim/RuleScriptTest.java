package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The commands a slot gets: tagged, in the run's chains and reserved handles, reset first. */
class RuleScriptTest {
  final RuleScript s = new RuleScript("run-1", "abcd1234", 2, "172.18.0.3");

  @Test
  void everyRuleIsTaggedAndInTheRunsChains() {
    var c = new Conditions(0.3, 0, 0, 0, null, 0, 0, Set.of("172.18.0.9"));
    String script = s.script(c);
    assertThat(script).contains("iptables -A SW-abcd1234-2 -s 172.18.0.9 -m comment --comment 'slipway:run-1' -j DROP");
    assertThat(script).contains("-m statistic --mode random --probability 0.300000 -m comment --comment 'slipway:run-1' -j DROP");
    assertThat(script).contains("iptables -I INPUT 1 -m comment --comment 'slipway:run-1' -j SW-abcd1234-2");
    assertThat(script.indexOf("set -e")).as("reset first, tolerant; then the conditions, strict")
        .isGreaterThan(script.indexOf("iptables -X SW-abcd1234-2"));
  }

  @Test
  void rateUsesTheReservedHandleAndIngressGoesThroughIfb() {
    var c = new Conditions(0, 0, 0, 0, null, 8_000_000, 1_000_000, Set.of());
    String script = s.script(c);
    assertThat(script).contains("/usr/sbin/tc qdisc add dev $dev root handle 5157: tbf rate 8000000bit burst 20000 latency 100ms");
    assertThat(script).contains("/usr/sbin/ip link add swabcd12342 type ifb");
    assertThat(script).contains("action mirred egress redirect dev swabcd12342");
    assertThat(script).doesNotContain("NFQUEUE");
  }

  @Test
  void delayStartsTheDelayerBeforeQueueingWithBypass() {
    var c = new Conditions(0, 0, 100_000, 10_000, Backend.NFQUEUE, 0, 0, Set.of());
    String script = s.script(c);
    assertThat(script.indexOf("slipway-delayer 5159 100000 10000")).isPositive()
        .isLessThan(script.indexOf("-j NFQUEUE --queue-num 5159 --queue-bypass"));
  }

  @Test
  void nothingWantedIsOnlyTheReset() {
    assertThat(s.script(Conditions.NONE)).doesNotContain("set -e").contains("iptables -F SW-abcd1234-2");
  }
}
