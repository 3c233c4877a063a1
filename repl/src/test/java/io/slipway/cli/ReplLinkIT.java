package io.slipway.cli;

import static io.slipway.cli.ReplNetIT.section;
import static io.slipway.cli.ReplNetIT.sections;
import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.RunJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :net link} end to end through script mode against the real engine: a link applied at
 * the prompt between two containers the Slipfile named goes through the run's simulation (the
 * proxy of the {@code link { }} builtin): the latency it asks for is added to every request the
 * client makes to that port (measured by the client), {@code :net status} lists it,
 * {@code :net unlink} removes it (requests are fast again), {@code :net heal} removes a second
 * one, and after {@code :quit} nothing is left.
 */
class ReplLinkIT {
  /** Five timed requests from web to srv's /small (10 ms clock: /proc/uptime). */
  private static final String TIMED = ":exec web sh -c 'a=$(cat /srv); for i in 1 2 3 4 5; do "
      + "read u x < /proc/uptime; s=${u%%.*}${u#*.}; wget -q -O /dev/null http://$a/small; r=$?; "
      + "read u x < /proc/uptime; e=${u%%.*}${u#*.}; echo \"took $(( (e - s) * 10 ))ms rc=$r\"; done'";

  @TempDir Path dir;
  @TempDir Path state;

  @BeforeAll
  static void engine() throws Exception {
    ReplScriptIT.engine();
  }

  @Test
  void aLinkAppliedAtThePromptAddsItsLatencyAndIsRemovedByUnlinkAndHeal() throws Exception {
    String pipeline = "repl-link-" + UUID.randomUUID().toString().substring(0, 8);
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("%1$s") {
            stage("up") {
                val net = network("repllink")
                val srv = start(image = image("%2$s"), name = "srv", network = net, init = true,
                                command = listOf("sh", "-c", "mkdir -p /www && echo hello > /www/small && exec httpd -f -p 80 -h /www"))
                val web = start(image = image("%2$s"), name = "web", network = net,
                                command = listOf("sleep", "600"), init = true)
                web.sh("echo ${srv.ip()} > /srv && timeout 60 sh -c 'until wget -q -O /dev/null http://${srv.ip()}/small; do sleep 0.5; done'")
                echo("containers up")
            }
        }
        """.formatted(pipeline, ReplNetIT.IMAGE));
    var r = CliHarness.run(Map.of(RunJournal.DIRECTORY_VARIABLE, state.toString()), """
        :run
        %1$s
        :net link web srv 80 latency=300ms
        %1$s
        :net status
        :net link web nope 80 latency=300ms
        :net plan unlink web srv 80
        :net unlink web srv 80
        %1$s
        :net link web srv 80 latency=300ms bandwidth=2mbit
        :net heal
        :net status
        :inspect web
        :quit
        """.formatted(TIMED), "repl", "--echo", dir.resolve("Slipfile").toString());
    String out = r.out();
    System.out.println(out + r.err());
    assertThat(section(out, ":run")).as(out + r.err()).contains("run succeeded");
    String[] timed = sections(out, TIMED);
    assertThat(timed).hasSize(3);
    long base = median(timed[0]);
    long linked = median(timed[1]);
    long unlinked = median(timed[2]);
    System.out.println("latency=300ms through :net link: " + base + " ms -> " + linked + " ms -> unlinked "
        + unlinked + " ms");

    assertThat(section(out, ":net link web srv 80 latency=300ms"))
        .contains("link web -> srv:80: a TCP proxy in web's namespace")
        .endsWith("applied on repllink: web link srv:80 (latency 300ms)\n");
    // every request waits for its delayed response (10 ms clock); the rest varies with load as
    // much as the base does, so the upper bound is the base plus a generous margin
    assertThat(linked).as("request time through the link").isBetween(295L, base + 300 + 400);
    assertThat(section(out, ":net status")).containsPattern("(?m)^web +repllink +[0-9.]+ +running +link srv:80 "
        + "\\(latency 300ms\\) .*proxy").contains("applied: web link srv:80 (latency 300ms)\n");
    assertThat(section(out, ":net link web nope 80 latency=300ms")).isEqualTo("<input>:1:15: error[E0805]: no "
        + "container `nope` in this session; containers: srv, web\n    1 | :net link web nope 80 latency=300ms\n"
        + "      |               ^^^^\n");
    assertThat(section(out, ":net plan unlink web srv 80")).contains("# web (")
        .endsWith("(planned only: nothing was applied)\n");
    assertThat(section(out, ":net unlink web srv 80")).isEqualTo("unlinked web -> srv:80; nothing else applies\n");
    assertThat(unlinked).as("request time once unlinked").isLessThan(linked - 150);
    assertThat(section(out, ":net link web srv 80 latency=300ms bandwidth=2mbit"))
        .endsWith("applied on repllink: web link srv:80 (latency 300ms, bandwidth 2mbit)\n");
    assertThat(section(out, ":net heal")).isEqualTo("healed: removed web link srv:80 (latency 300ms, bandwidth 2mbit)\n");
    assertThat(sections(out, ":net status")[1]).containsPattern("(?m)^web +repllink +[0-9.]+ +running +- +- +- ")
        .doesNotContain("applied:");
    assertThat(r.code()).as(out + r.err()).isZero();

    Matcher run = Pattern.compile("label: +io\\.slipway\\.run=(\\S+)").matcher(section(out, ":inspect web"));
    assertThat(run.find()).as(out).isTrue();
    String runId = run.group(1);
    assertThat(DockerCleanupIT.labelled("container", runId)).as("containers and helpers left").isEmpty();
    assertThat(DockerCleanupIT.labelled("network", runId)).as("networks left").isEmpty();
    assertThat(RunJournal.defaultDirectory(Map.of(RunJournal.DIRECTORY_VARIABLE, state.toString()))
        .resolve(runId + ".netsim")).doesNotExist();
  }

  /** The median of the five timed requests, each of which succeeded. */
  private static long median(String timed) {
    List<Long> l = new ArrayList<>();
    Matcher m = Pattern.compile("took (\\d+)ms rc=(\\d+)").matcher(timed);
    while (m.find()) {
      assertThat(m.group(2)).as(timed).isEqualTo("0");
      l.add(Long.parseLong(m.group(1)));
    }
    assertThat(l).as(timed).hasSize(5);
    Collections.sort(l);
    return l.get(2);
  }
}
