package io.slipway.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container commands and {@code :rerun}'s removal of a stage's containers, on the fake
 * engine (the real engine: {@code ReplScriptIT}); stepping into and out of functions.
 */
class ReplContainersTest {
  @TempDir Path dir;
  final FakeContainerEngine fake = new FakeContainerEngine().withImage("busybox")
      .onExec(List.of("cat", "/etc/hostname"), 0, "db-host\n");
  final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  ReplSession session;

  @BeforeEach
  void open() {
    session = new ReplSession(ReplConfig.of(Stdlib.registry()).withDir(dir)
        .withEngine(() -> fake).withEvents(events::add));
  }

  List<String> explained() {
    return events.stream().filter(e -> e instanceof Event.Log l && l.line().startsWith("$ "))
        .map(e -> ((Event.Log) e).line()).toList();
  }

  @AfterEach
  void close() {
    session.close();
  }

  ReplResponse in(String line) {
    return session.handleLine(line);
  }

  @Test
  void containersOfTheRunAreListedInspectedAndReachedByTheirSlipfileName() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("p") {
            stage("up") {
                start(image = "busybox", name = "db", command = listOf("sleep", "60"))
            }
            stage("use") { echo("using") }
        }
        """);
    in(":load Slipfile");
    ReplResponse r = in(":run");
    assertThat(((ReplResponse.RunEnded) r).status()).as(r.text()).isEqualTo(Status.SUCCESS);
    assertThat(in(":ps").text()).isEqualTo("""
        NAME  STATE    IP  PORTS  IMAGE
        db    running  -   -      busybox
        """);
    assertThat(in(":exec db cat /etc/hostname").text()).isEqualTo("db-host\n");
    assertThat(in(":inspect db").text()).startsWith("name:     db\nengine:   db-")
        .contains("state:    running").contains("label:    io.slipway.stage=up");
    var shell = (ReplResponse.ShellTarget) in(":shell db");
    assertThat(shell.name()).isEqualTo("db");
    assertThat(ReplSession.shellCommand(shell))
        .containsExactly("docker", "exec", "-it", shell.containerId(), "sh");
    assertThat(in(":logs nope").text()).startsWith("no container `nope` in this session; "
        + "containers: db");
    String first = shell.containerId();
    r = in(":rerun up");
    assertThat(r.text()).isEqualTo("stage up succeeded\n");
    assertThat(fake.log()).contains("remove container " + first);
    var again = (ReplResponse.ShellTarget) in(":shell db");
    assertThat(again.containerId()).as("a new db").isNotEqualTo(first);
    assertThat(in(":quit")).isInstanceOf(ReplResponse.Quit.class);
    assertThat(fake.log()).as("quit removes what the run made")
        .contains("remove container " + again.containerId());
  }

  @Test
  void explainShowsEachDockerOperationAsADockerCommandUntilSwitchedOff() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("p") {
            stage("up") {
                start(image = "busybox", name = "db", command = listOf("sleep", "60"))
            }
        }
        """);
    in(":load Slipfile");
    assertThat(in(":explain on").text()).startsWith("explain on");
    assertThat(in(":run").text()).isEqualTo("run succeeded\n");
    assertThat(explained()).anySatisfy(l -> assertThat(l).startsWith("$ docker run -d ")
        .contains("--name db").endsWith("busybox sleep 60"));
    int shown = explained().size();
    assertThat(in(":explain off").text()).isEqualTo("explain off\n");
    in(":rerun up");
    assertThat(explained()).hasSize(shown);
  }

  @Test
  void reloadAtAFailureStartsTheFailedStageAfreshUnderTheSameNames() throws Exception {
    String source = """
        pipeline("p") {
            stage("up") {
                start(image = "busybox", name = "db", command = listOf("sleep", "60"))
                sh("exit 1")
            }
        }
        """;
    Files.writeString(dir.resolve("Slipfile"), source);
    in(":load Slipfile");
    in(":break on-failure");
    assertThat(in(":run").text()).contains("(failed: ");
    String first = ((ReplResponse.ShellTarget) in(":shell db")).containerId();
    Files.writeString(dir.resolve("Slipfile"), source.replace("exit 1", "exit 0"));
    ReplResponse r = in(":reload");
    assertThat(r.text()).isEqualTo("reloaded Slipfile; continuing after no completed stage\n"
        + "run succeeded\n");
    assertThat(fake.log()).contains("remove container " + first);
    assertThat(((ReplResponse.ShellTarget) in(":shell db")).containerId()).isNotEqualTo(first);
  }

  @Test
  void logsShowAContainersOutputAndFollowStreamsItAsEvents() throws Exception {
    fake.withImage("printer").onStart("printer", 0, "line one\nline two\n");
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("p") {
            stage("up") { start(image = "printer", name = "printer") }
        }
        """);
    in(":load Slipfile");
    assertThat(in(":run").text()).isEqualTo("run succeeded\n");
    assertThat(in(":logs printer").text()).isEqualTo("line one\nline two\n");
    assertThat(in(":ps").text()).contains("printer  exited with code 0");
    assertThat(in(":logs printer -f").text()).isEmpty();
    assertThat(events).filteredOn(e -> e instanceof Event.Log l && "printer".equals(l.stage()))
        .extracting(e -> ((Event.Log) e).line()).containsExactly("line one", "line two");
  }

  @Test
  void stepEntersAFunctionFinishLeavesItAndLineBreakpointsAreDeletedByNumber()
      throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        fun double(n: Int): Int {
            val m = n * 2
            return m
        }
        pipeline("p") {
            stage("s") {
                val a = double(1)
                echo("$a")
            }
        }
        """);
    in(":load Slipfile");
    assertThat(in(":plan").text()).contains("s");
    assertThat(in(":break Slipfile:7").text()).isEqualTo("breakpoint 1: Slipfile:7\n");
    assertThat(in(":run").text()).contains("Slipfile:7 (breakpoint 1: Slipfile:7)");
    assertThat(in(":step").text()).contains("Slipfile:2 (step)");
    assertThat(session.prompt()).isEqualTo("s:2> ");
    assertThat(in("n").text()).isEqualTo("1");
    assertThat(in(":where").text()).contains("  #0 fun double at Slipfile:2\n"
        + "  #1 stage s at Slipfile:7\n");
    assertThat(in(":finish").text()).contains("Slipfile:8 (step)");
    assertThat(in("a").text()).isEqualTo("2");
    assertThat(in(":delete 1").text()).isEqualTo("deleted breakpoint 1\n");
    assertThat(in(":delete 1").text()).isEqualTo("no breakpoint 1\n");
    assertThat(in(":continue").text()).isEqualTo("run succeeded\n");
  }
}
