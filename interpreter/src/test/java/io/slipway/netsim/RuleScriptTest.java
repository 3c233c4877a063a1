package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The commands a slot gets: tagged, in the run's chains and reserved handles, one iptables transaction. */
class RuleScriptTest {
  final RuleScript s = new RuleScript("run-1", "abcd1234", 2, "172.18.0.3");

  @Test
  void everyRuleIsTaggedAndInTheRunsChains() {
    var c = new Conditions(0.3, 0, 0, 0, null, 0, 0, Set.of("172.18.0.9"));
    String script = s.script(c);
    assertThat(script).contains("printf '%s\\n' \"-A SW-abcd1234-2 -s 172.18.0.9/32 -m comment --comment \\\"slipway:run-1\\\" -j DROP\"");
    assertThat(script).contains("-m statistic --mode random --probability 0.300000 -m comment --comment \\\"slipway:run-1\\\" -j DROP");
    assertThat(script).contains("\"-I INPUT 1 -m comment --comment \\\"slipway:run-1\\\" -j SW-abcd1234-2\"");
    assertThat(script.indexOf("set -e")).as("tolerant stops first; then the conditions, strict")
        .isGreaterThan(script.indexOf("kill $p")).isLessThan(script.indexOf("iptables-restore --noflush"));
  }

  @Test
  void oldJumpsAreDeletedAndTheChainReplacedInOneTransaction() {
    var c = new Conditions(0, 0, 0, 0, null, 0, 0, Set.of("172.18.0.9"));
    String script = s.script(c);
    assertThat(script).contains("echo ':SW-abcd1234-2 - [0:0]'")
        .contains("case \"$l\" in '-A INPUT '*' -j SW-abcd1234-2') echo \"-D ${l#-A }\"")
        .contains("iptables-restore --noflush < /tmp/slipway-rules-2");
    assertThat(script.split("iptables-restore --noflush", -1)).as("one restore per slot").hasSize(2);
    assertThat(script.substring(script.indexOf("set -e"))).as("partitions need no device lookup").doesNotContain("ip -o -4 addr");
    // a table neither had nor wanted is not touched
    assertThat(script).contains("case \"$f\" in *':SWN-abcd1234-2 '*)");
  }

  @Test
  void nothingWantedRemovesTheChainsOnlyIfTheyExist() {
    String script = s.script(Conditions.NONE);
    assertThat(script).contains("case \"$f\" in *':SW-abcd1234-2 '*) echo '-X SW-abcd1234-2';; esac")
        .doesNotContain("-I INPUT").doesNotContain("REDIRECT");
  }

  @Test
  void rateUsesTheReservedHandleAndIngressGoesThroughIfb() {
    var c = new Conditions(0, 0, 0, 0, null, 8_000_000, 1_000_000, Set.of());
    String script = s.script(c);
    assertThat(script).contains("/usr/sbin/tc qdisc add dev $dev root handle 5157: tbf rate 8000000bit burst 20000 latency 100ms");
    assertThat(script).contains("/usr/sbin/ip link add swabcd12342 type ifb");
    assertThat(script).contains("action mirred egress redirect dev swabcd12342");
    assertThat(script.indexOf(": > /tmp/slipway-tc-2")).as("marked before any qdisc is added")
        .isLessThan(script.indexOf("tc qdisc add"));
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
  void aLinkStartsItsProxyThenRedirectsOnlyThatAddressAndPort() {
    Link l = Link.to("server", "172.18.0.5", 80).withLatency(200_000, 20_000).withReset(1000);
    var c = new Conditions(0, 0, 0, 0, null, 0, 0, Set.of(), List.of(l));
    String script = s.script(c);
    int start = script.indexOf("out=$(/usr/local/bin/slipway-proxy 172.18.0.5 80 0x5157 200000 20000 0 -1 1000 -1 -1 ");
    assertThat(start).isPositive();
    assertThat(script).contains("echo \"${out%% *}\" > /tmp/slipway-proxy-2-0.pid; port0=${out#* }")
        .contains("echo '*nat'")
        .contains("\"-A SWN-abcd1234-2 -d 172.18.0.5/32 -p tcp -m tcp --dport 80 -m mark ! --mark 0x5157 -m comment"
            + " --comment \\\"slipway:run-1\\\" -j REDIRECT --to-ports $port0\"")
        .contains("\"-I OUTPUT 1 -m comment --comment \\\"slipway:run-1\\\" -j SWN-abcd1234-2\"");
    assertThat(start).isLessThan(script.indexOf("iptables-restore --noflush"));
    assertThat(c.describe()).isEqualTo("link server:80 (latency 200ms±20ms, reset after 1000ms)");
  }
}
