package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's batch: each container's script entered through a checked PID, all at once, results split back. */
class AgentTest {
  @Test
  void eachScriptRunsInItsContainersNamespaceAfterTheIdentityCheck() {
    var scripts = new LinkedHashMap<String, String>();
    scripts.put("aaa111", "iptables -S\n");
    scripts.put("bbb222", "echo two");
    String b = Agent.batch(3, scripts);
    assertThat(b).contains("grep -lF \"$1\" /proc/[0-9]*/cgroup")
        .contains("( p=$(ent aaa111) || exit 7; exec nsenter --net=/proc/$p/ns/net /bin/sh /tmp/slipway-x-3/0 $p )")
        .contains("( p=$(ent bbb222) || exit 7; exec nsenter --net=/proc/$p/ns/net /bin/sh /tmp/slipway-x-3/1 $p )");
    // inside, before the script: the entered namespace is the pid's, and the pid is still the container's
    String first = b.substring(b.indexOf("cat > /tmp/slipway-x-3/0"), b.indexOf("SLIPWAY_EOF\n(") );
    assertThat(first).contains("[ /proc/self/ns/net -ef /proc/$p/ns/net ] && has $p aaa111 || {");
    assertThat(first.indexOf("has $p aaa111")).isLessThan(first.indexOf("iptables -S"));
    assertThat(b.indexOf("& j1=$!")).as("all started before any is awaited").isLessThan(b.indexOf("wait $j0"));
    assertThat(b).endsWith("rm -rf /tmp/slipway-x-3\n");
  }

  @Test
  void resultsAreSplitPerContainer() {
    String out = "line a\nmore a\n\n@@slipway-result 0 0\nfailed b\n\n@@slipway-result 1 5\n";
    Map<String, Sidecars.Result> r = Agent.parse(out, List.of("aaa", "bbb"));
    assertThat(r.get("aaa")).isEqualTo(new Sidecars.Result(0, "line a\nmore a\n"));
    assertThat(r.get("bbb")).isEqualTo(new Sidecars.Result(5, "failed b\n"));
    assertThat(Agent.parse("killed\n", List.of("aaa"))).as("an early end has no results").isEmpty();
  }

  @Test
  void theSweepEntersEveryNamespaceTheAgentEnteredThenStopsItsProcessesSafely() {
    String s = Agent.sweepScript("run-1");
    assertThat(s).contains("for c in /tmp/slipway-pid-*;").contains("nsenter --net=/proc/$p/ns/net /bin/sh /tmp/slipway-sweep")
        .contains("grep -F -- 'slipway:run-1'");
    assertThat(s).contains("case $(cat /proc/$(cat $f)/comm 2>/dev/null) in slipway-*) kill $(cat $f)");
    assertThat(s.indexOf("wait\n")).isLessThan(s.indexOf("/tmp/slipway-delayer-*.pid"));
  }

  @Test
  void devicesAreListedThroughNetlinkNotTheHelpersSysfs() {
    // the agent's /sys shows its own namespace, not the one nsenter entered
    assertThat(Agent.sweepScript("run-1")).doesNotContain("/sys/class/net").contains("/usr/sbin/ip -o link show");
    assertThat(String.join("\n", new RuleScript("run-1", "abcd1234", 2, "172.18.0.3").reset()))
        .doesNotContain("/sys/class/net").contains("/usr/sbin/ip link show swabcd12342");
  }
}
