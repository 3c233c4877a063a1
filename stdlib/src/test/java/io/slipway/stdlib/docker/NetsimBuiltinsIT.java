package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec §9 from a Slipfile, against the real engine: faults, status, plan, heal, chaos, cleanup. */
class NetsimBuiltinsIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void specWalkThrough(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("sim") {
            stage("s") {
                val net = network("sim")
                val server = start(image = "%1$s", name = "server", network = net, command = listOf("sleep", "600"), init = true)
                val c1 = start(image = "%1$s", name = "client1", network = net, command = listOf("sleep", "600"), init = true)
                val c2 = start(image = "%1$s", name = "client2", network = net, command = listOf("sleep", "600"), init = true)
                echo(net.plan { net.flaky(c1, loss = 50.percent) })
                net.flaky(c1, c2, loss = 50.percent)
                net.slow(c1, delay = 100.ms, jitter = 10.ms)
                net.limit(server, rate = 50.kbit)
                net.partition(listOf(server), listOf(c1, c2))
                assert(!c1.canReach(server))
                assert(!server.canReach(c2))
                echo(net.status())
                net.heal()
                assert(c1.canReach(server))
                net.slow(c1, delay = 100.ms)
                val m = net.measure(c1, server, count = 20)
                echo("p50 ${m.p50} loss ${m.loss}")
                assert(m.p50 >= 100.ms && m.p50 < 110.ms)
                net.fast(c1)
                assert(net.measure(c1, server, count = 5).p50 < 20.ms)
                net.isolate(c2)
                assert(!c2.canReach(c1))
                assert(c1.canReach(server))
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("iptables-restore --noflush", "-A SW-", "--mode random --probability 0.500000",
        "slow client1: 100ms±10ms via nfqueue delayer", "NODE", "PARTITION", "client1", "FLAKY");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void chaosIsReproducibleFromTheSeed(@TempDir Path dir) throws Exception {
    String slipfile = """
        pipeline("chaos") {
            stage("s") {
                val net = network("sim")
                val a = start(image = "%1$s", name = "a", network = net, command = listOf("sleep", "600"), init = true)
                val b = start(image = "%1$s", name = "b", network = net, command = listOf("sleep", "600"), init = true)
                val events = chaos(targets = listOf(a, b), actions = listOf(Chaos.PAUSE, Chaos.PARTITION, Chaos.KILL),
                                   every = 1.seconds, duration = 4.seconds, seed = 42)
                echo("events: ${events}")
                assert(a.running && b.running)
                assert(a.canReach(b))
            }
        }
        """.formatted(PipelineRun.IMAGE);
    var first = PipelineRun.run(dir, slipfile);
    assertThat(first.result.exitCode()).as(first.toString()).isZero();
    var second = PipelineRun.run(dir, slipfile);
    assertThat(second.result.exitCode()).as(second.toString()).isZero();
    String events = line(first.log(), "events: ");
    assertThat(events).startsWith("events: [1s ").isEqualTo(line(second.log(), "events: "));
    assertThat(PipelineRun.leftovers(first.runId)).isEmpty();
  }

  private static String line(String log, String prefix) {
    return log.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
  }
}
