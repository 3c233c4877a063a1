package io.slipway.netsim;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.docker.RealEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code link(from, to, port) { }} against real containers: each stream fault observed by a
 * client (latency added within bounds, bandwidth within 10 %, timeout, reset, slow close, data
 * limit), only the linked client and port affected, and nothing left once the run ends.
 */
class LinkIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  /** busybox httpd on 80 (/small, /big = 500 KiB), and on 81 a server that answers after 5 s. */
  private static final List<String> SERVER = List.of("sh", "-c",
      "mkdir -p /www && echo hello > /www/small && dd if=/dev/zero of=/www/big bs=1024 count=500 2>/dev/null"
          + " && printf '#!/bin/sh\\nsleep 5\\necho late\\n' > /slow && chmod +x /slow && httpd -p 80 -h /www"
          + " && exec nc -ll -p 81 -e /slow");
  /** Runs a command and prints how long it took (10 ms resolution: /proc/uptime) and its exit code. */
  private static final String TIMED = "read u x < /proc/uptime; s=${u%%.*}${u#*.}; %s; r=$?; read u x < /proc/uptime;"
      + " e=${u%%.*}${u#*.}; echo \"took $(( (e - s) * 10 ))ms rc=$r\"";

  // clients use the server's address, not its name: the embedded DNS of a loaded engine
  // sometimes fails a lookup, and the link is on the address anyway
  @Test
  void eachToxicIsObservedByTheClient() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target srv = f.start("srv", SERVER);
      Target a = f.start("a");
      Target other = f.start("other");
      awaitServer(f, a, srv);
      long base = median(f, a, "wget -q -O /dev/null http://" + srv.ip() + "/small");

      f.sim.link(a, Link.to("srv", srv.ip(), 80).withLatency(200_000, 0), null, false);
      long slow = median(f, a, "wget -q -O /dev/null http://" + srv.ip() + "/small");
      System.out.println("latency 200ms: " + base + " ms -> " + slow + " ms");
      // every request waits for the delayed response (10 ms clock); what else it costs varies with
      // load as much as the base does, so the bound above is the base plus a generous margin
      assertThat(slow).as("request time with the link").isBetween(195L, base + 300);
      assertThat(median(f, other, "wget -q -O /dev/null http://" + srv.ip() + "/small")).as("another client is not linked")
          .isLessThan(base + 150);

      f.sim.link(a, Link.to("srv", srv.ip(), 80).withRate(2_000_000), null, false);
      // the better of two downloads, less what a request costs without the link (process start,
      // connect): on a loaded machine one download can lose a scheduling slice
      long took = Math.min(ms(f.sh(a, TIMED.formatted("wget -q -O /dev/null http://" + srv.ip() + "/big")).output()),
          ms(f.sh(a, TIMED.formatted("wget -q -O /dev/null http://" + srv.ip() + "/big")).output()));
      double bps = (500 * 1024 + 200) * 8 / (Math.max(10, took - base) / 1000.0);
      System.out.println("bandwidth 2mbit: 500 KiB in " + took + " ms (base " + base + " ms) = " + Math.round(bps) + " bit/s");
      assertThat(bps).isBetween(1_800_000.0, 2_200_000.0);

      f.sim.link(a, Link.to("srv", srv.ip(), 80).withTimeout(2000), null, false);
      var t = f.sh(a, TIMED.formatted("printf 'GET /small HTTP/1.0\\r\\n\\r\\n' | timeout 10 nc " + srv.ip() + " 80"));
      System.out.println("timeout 2s: " + t.output().strip());
      assertThat(t.output()).doesNotContain("hello").doesNotContain("HTTP/1");
      assertThat(ms(t.output())).isBetween(1900L, 6000L);

      f.sim.link(a, Link.to("srv", srv.ip(), 80).withLimit(1024), null, false);
      var l = f.sh(a, "printf 'GET /big HTTP/1.0\\r\\n\\r\\n' | timeout 10 nc " + srv.ip() + " 80 | wc -c");
      System.out.println("limitData 1024: " + l.output().strip());
      assertThat(l.output().strip()).isEqualTo("1024");

      f.sim.link(a, Link.to("srv", srv.ip(), 80).withSlowClose(1500), null, false);
      var c = f.sh(a, TIMED.formatted("printf 'GET /small HTTP/1.0\\r\\n\\r\\n' | timeout 10 nc " + srv.ip() + " 80 | grep -c hello"));
      System.out.println("slowClose 1500ms: " + c.output().strip());
      assertThat(c.output()).startsWith("1");
      assertThat(ms(c.output())).isBetween(1450L, 5000L);

      f.sim.link(a, Link.to("srv", srv.ip(), 81).withReset(500), null, false);
      var r = f.sh(a, TIMED.formatted("timeout 10 wget -q -O - http://" + srv.ip() + ":81/ 2>&1"));
      System.out.println("resetPeer 500ms: " + r.output().strip());
      assertThat(r.output()).doesNotContain("late").contains("Connection reset by peer");
      assertThat(ms(r.output())).isBetween(450L, 3000L);
      assertThat(f.sim.conditionsOf(a).links()).hasSize(2);
      assertThat(f.sim.backendOf(a)).isEqualTo("proxy");

      f.sim.fast(List.of(a), false);
      assertThat(f.sh(a, "printf 'GET /small HTTP/1.0\\r\\n\\r\\n' | timeout 10 nc " + srv.ip() + " 80").output()).contains("hello");
      assertThat(f.sh(a, TIMED.formatted("wget -q -O /dev/null http://" + srv.ip() + "/small")).output()).contains("rc=0");
      String left = f.inNamespace(a, "iptables -t nat -S").output() + new Sidecars(f).exec(f.ruleHelper(a), "ls /tmp").output();
      assertThat(left).doesNotContain("SWN-").doesNotContain("slipway-proxy");
    }
  }

  @Test
  void aLinkIsPlannedWithoutBeingApplied() {
    try (var f = new SimFixture(ENGINE.get())) {
      Target srv = f.start("srv", SERVER);
      Target a = f.start("a");
      var plan = f.sim.link(a, Link.to("srv", srv.ip(), 80).withLatency(100_000, 0), null, true);
      assertThat(plan.text()).contains("slipway-proxy " + srv.ip() + " 80 0x5157 100000")
          .contains("-j REDIRECT --to-ports $port0");
      assertThat(f.sim.conditionsOf(a).isEmpty()).isTrue();
      assertThat(f.engine.listContainers(java.util.Map.of(Sidecars.TARGET, a.id()))).as("no helper for a plan").isEmpty();
      assertThat(f.agent()).as("no agent for a plan").isEmpty();
    }
  }

  private static void awaitServer(SimFixture f, Target a, Target srv) {
    for (int i = 0; i < 60; i++) {
      if (f.sh(a, "wget -q -O /dev/null http://" + srv.ip() + "/big").exitCode() == 0) {
        return;
      }
      f.sh(a, "sleep 0.5");
    }
    throw new AssertionError("the test server did not come up");
  }

  private static long median(SimFixture f, Target t, String cmd) {
    List<Long> l = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String out = f.sh(t, TIMED.formatted(cmd)).output();
      assertThat(out).contains("rc=0");
      l.add(ms(out));
    }
    Collections.sort(l);
    return l.get(2);
  }

  private static long ms(String out) {
    var m = java.util.regex.Pattern.compile("took (\\d+)ms").matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return Long.parseLong(m.group(1));
  }
}
