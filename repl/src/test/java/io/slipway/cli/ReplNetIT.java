package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :net} end to end through script mode against the real engine: the REPL reaches the
 * same simulation as the Slipfile's builtins (a condition the pipeline applied shows in
 * {@code :net status} and goes with {@code :net heal}), a partition applied while the run is
 * paused holds ({@code canReach} in the paused frame, {@code :net measure}) and heals, a delay
 * applied after the run ended holds (measured RTT), and after {@code :quit} nothing is left: no
 * container (helpers included), no network, no netsim journal.
 */
class ReplNetIT {
  static final String IMAGE = "slipway-test/busybox:latest";
  private static final Pattern PROMPT = Pattern.compile("(?m)^(slipway|[a-z]+:\\d+)> ");
  @TempDir Path dir;
  @TempDir Path state;

  @BeforeAll
  static void engine() throws Exception {
    ReplScriptIT.engine();
  }

  @Test
  void netCommandsDriveTheRunsSimulationAndLeaveNothing() throws Exception {
    String pipeline = "repl-net-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("%1$s") {
            stage("up") {
                val net = network("replnet")
                val web = start(image = image("%2$s"), name = "web", network = net,
                                command = listOf("sleep", "600"), init = true)
                val db = start(image = image("%2$s"), name = "db", network = net,
                               command = listOf("sleep", "600"), init = true)
                net.slow(web, delay = 50.ms)
                echo("containers up")
            }
        }
        """.formatted(pipeline, IMAGE));
    var r = CliHarness.run(Map.of(RunJournal.DIRECTORY_VARIABLE, state.toString()), """
        :break Slipfile:9
        :run
        :net status
        :net heal
        :net plan partition web db
        :net partition web db
        web.canReach(db)
        :net measure web db count=5
        :net slow web nope 100ms
        :net heal
        web.canReach(db)
        :net isolate db
        web.canReach(db)
        :net heal
        :continue
        :net slow web 100ms jitter=10ms
        :net status
        :net measure web db count=20
        :net heal
        :net measure web db count=5
        :net slow web 100ms
        :rerun up
        :net status
        :continue
        :inspect web
        :quit
        """, "repl", "--echo", dir.resolve("Slipfile").toString());
    String out = r.out();
    System.out.println(out + r.err());
    assertThat(out).as(out + r.err()).contains("paused in stage up, ");
    // the pipeline's own net.slow is in the same simulation :net sees and heals
    assertThat(section(out, ":net status")).containsPattern("(?m)^web +replnet +[0-9.]+ +running +delay 50ms ")
        .containsPattern("(?m)^db +replnet ").containsPattern("nfqueue|netem").contains("applied: slow 50ms");
    assertThat(section(out, ":net heal")).isEqualTo("healed: removed slow 50ms\n");
    // the exact commands, nothing applied: the partition below is the first to take effect
    assertThat(section(out, ":net plan partition web db")).contains("# web (").contains("# db (")
        .contains("iptables").endsWith("(planned only: nothing was applied)\n");
    assertThat(section(out, ":net partition web db")).isEqualTo("applied on replnet: partition [web] [db]\n");
    // the probe is a step of the paused run: its line, then the value
    assertThat(section(out, "web.canReach(db)")).as("partitioned").endsWith("\nfalse\n");
    assertThat(section(out, ":net measure web db count=5")).startsWith("web -> db on replnet: ")
        .contains("loss 100% (5/5)");
    assertThat(section(out, ":net slow web nope 100ms")).isEqualTo("<input>:1:15: error[E0805]: no container "
        + "`nope` in this session; containers: db, web\n    1 | :net slow web nope 100ms\n      |               ^^^^\n");
    assertThat(sections(out, "web.canReach(db)")[1]).as("healed").endsWith("\ntrue\n");
    assertThat(section(out, ":net isolate db")).isEqualTo("applied on replnet: isolate db\n");
    assertThat(sections(out, "web.canReach(db)")[2]).as("isolated").endsWith("\nfalse\n");
    assertThat(section(out, ":continue")).contains("run succeeded");
    // after the run ended its containers stay, and so does :net's reach to them
    assertThat(section(out, ":net slow web 100ms jitter=10ms"))
        .containsPattern("slow web: 100ms±10ms via (nfqueue|netem)")
        .contains("applied on replnet: slow 100ms±10ms");
    assertThat(sections(out, ":net status")[1]).containsPattern("(?m)^web +replnet .* delay 100ms±10ms ");
    double slowed = p50(section(out, ":net measure web db count=20"));
    // every echo request waits 100ms±10ms on its way out, so no round trip is shorter than 90ms
    assertThat(slowed).as("p50 under a 100ms±10ms delay").isBetween(90.0, 150.0);
    assertThat(sections(out, ":net heal")).hasSize(4);
    assertThat(sections(out, ":net heal")[2]).isEqualTo("healed: removed isolate db\n");
    assertThat(sections(out, ":net heal")[3]).isEqualTo("healed: removed slow 100ms±10ms\n");
    assertThat(sections(out, ":net heal")[1]).isEqualTo("healed: removed partition [web] [db]\n");
    String healed = sections(out, ":net measure web db count=5")[1];
    assertThat(healed).contains("loss 0% (0/5)");
    assertThat(p50(healed)).as("p50 once healed").isLessThan(100);
    // :rerun replaces web and db: the run's conditions go first, the stage's own net.slow applies anew
    assertThat(section(out, ":rerun up")).contains("network conditions removed for the re-run: slow 100ms\n")
        .contains("paused in stage up, ");
    assertThat(sections(out, ":net status")[2]).containsPattern("(?m)^web +replnet .* delay 50ms ")
        .contains("applied: slow 50ms\n").doesNotContain("100ms");
    assertThat(sections(out, ":continue")[1]).contains("stage up succeeded");
    assertThat(r.code()).as(out + r.err()).isZero();

    Matcher run = Pattern.compile("label: +io\\.slipway\\.run=(\\S+)").matcher(section(out, ":inspect web"));
    assertThat(run.find()).as(out).isTrue();
    String runId = run.group(1);
    assertThat(DockerCleanupIT.labelled("container", runId)).as("containers and helpers left").isEmpty();
    assertThat(DockerCleanupIT.labelled("network", runId)).as("networks left").isEmpty();
    String journal = runId + ".netsim";
    assertThat(RunJournal.defaultDirectory(Map.of(RunJournal.DIRECTORY_VARIABLE, state.toString()))
        .resolve(journal)).doesNotExist();
    assertThat(RunJournal.defaultDirectory(System.getenv()).resolve(journal)).doesNotExist();
  }

  static double p50(String measured) {
    Matcher m = Pattern.compile("rtt p50 ([0-9.]+)ms").matcher(measured);
    assertThat(m.find()).as(measured).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** What was printed after the first echoed {@code input}, up to the next prompt. */
  static String section(String out, String input) {
    return sections(out, input)[0];
  }

  /** What was printed after each echoed {@code input}, each up to the next prompt. */
  static String[] sections(String out, String input) {
    var found = new java.util.ArrayList<String>();
    Matcher prompt = PROMPT.matcher(out);
    while (prompt.find()) {
      int start = prompt.end();
      if (out.startsWith(input + "\n", start)) {
        int from = start + input.length() + 1;
        Matcher next = PROMPT.matcher(out);
        int end = next.find(from) ? next.start() : out.length();
        found.add(out.substring(from, end));
      }
    }
    assertThat(found).as("`" + input + "` in\n" + out).isNotEmpty();
    return found.toArray(String[]::new);
  }
}
