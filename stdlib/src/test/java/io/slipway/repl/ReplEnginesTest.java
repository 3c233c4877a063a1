package io.slipway.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container commands over every engine a run used, on fake engines (the real mutual-TLS
 * endpoint: {@code ReplRemoteEngineIT}): {@code :ps} lists the containers of the default engine
 * and of {@code on(engine) { }} blocks, with an ENGINE column only then; {@code :exec},
 * {@code :logs}, {@code :inspect} and {@code :shell} reach a container on the engine holding it;
 * a name on two engines picks the default engine's unless {@code NAME@ENGINE} says otherwise.
 */
class ReplEnginesTest {
  static final String REMOTE = "tcp://remote.example:2376";

  @TempDir Path dir;
  final FakeContainerEngine local = new FakeContainerEngine().withImage("busybox")
      .onExec(List.of("cat", "/etc/hostname"), 0, "local-host\n");
  final FakeContainerEngine remote = new FakeContainerEngine().address(REMOTE)
      .withImage("busybox").withImage("printer").onStart("printer", 0, "remote line\n")
      .onExec(List.of("cat", "/etc/hostname"), 0, "remote-host\n");
  final List<Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  ReplSession session;

  @BeforeEach
  void open() {
    session = new ReplSession(ReplConfig.of(Stdlib.registry()).withDir(dir)
        .withEngine(() -> local).withEvents(events::add)
        .withConnector((host, tls) -> {
          if (host.equals(REMOTE)) {
            return remote;
          }
          throw new EngineUnavailable(host, "no route to host");
        }));
  }

  @AfterEach
  void close() {
    session.close();
  }

  ReplResponse in(String line) {
    return session.handleLine(line);
  }

  List<String> explained() {
    return events.stream().filter(e -> e instanceof Event.Log l && l.line().startsWith("$ "))
        .map(e -> ((Event.Log) e).line()).toList();
  }

  void run(String stages) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        val remote = docker("%s")
        pipeline("p") {
        %s
        }
        """.formatted(REMOTE, stages));
    assertThat(in(":load Slipfile").text()).contains("loaded Slipfile");
    ReplResponse r = in(":run");
    assertThat(r).as(r.text()).isInstanceOfSatisfying(ReplResponse.RunEnded.class,
        e -> assertThat(e.status()).isEqualTo(Status.SUCCESS));
  }

  /** The fake's id of the container the log shows it created last with the image. */
  static String created(FakeContainerEngine e, String image) {
    return e.log().stream().filter(l -> l.startsWith("create container ") && l.contains(" image=" + image))
        .reduce((a, b) -> b).orElseThrow().split(" ")[2];
  }

  @Test
  void containersOfEveryEngineAreListedAndReachedThroughTheirEngine() throws Exception {
    run("""
            stage("up") {
                start(image = "busybox", name = "web", command = listOf("sleep", "60"))
                on(remote) {
                    start(image = "busybox", name = "db", command = listOf("sleep", "60"))
                    start(image = "printer", name = "printer")
                }
            }
        """);
    assertThat(in(":ps").text()).isEqualTo("""
        NAME     ENGINE                     STATE               IP  PORTS  IMAGE
        web      default                    running             -   -      busybox
        db       tcp://remote.example:2376  running             -   -      busybox
        printer  tcp://remote.example:2376  exited with code 0  -   -      printer
        """);
    String db = created(remote, "busybox");
    assertThat(in(":exec db cat /etc/hostname").text()).isEqualTo("remote-host\n");
    assertThat(remote.log()).contains("exec " + db + " [cat, /etc/hostname]");
    assertThat(in(":exec web cat /etc/hostname").text()).isEqualTo("local-host\n");
    assertThat(in(":logs printer").text()).isEqualTo("remote line\n");
    assertThat(in(":inspect db").text()).startsWith("name:     db\non:       " + REMOTE + "\nengine:   db-")
        .contains("label:    io.slipway.stage=up");
    assertThat(in(":inspect web").text()).startsWith("name:     web\nengine:   web-");

    var shell = (ReplResponse.ShellTarget) in(":shell db");
    assertThat(shell.text()).startsWith("shell in db on " + REMOTE + " (sh)");
    assertThat(ReplSession.shellCommand(shell))
        .containsExactly("docker", "-H", REMOTE, "exec", "-it", db, "sh");
    Map<String, String> env = new HashMap<>(Map.of("DOCKER_HOST", "unix:///x.sock", "PATH", "/bin"));
    ReplSession.shellEnvironment(shell, env);
    assertThat(env).containsOnlyKeys("PATH");
    var localShell = (ReplResponse.ShellTarget) in(":shell web");
    assertThat(ReplSession.shellCommand(localShell)).startsWith("docker", "exec", "-it");
    env = new HashMap<>(Map.of("DOCKER_HOST", "unix:///x.sock"));
    ReplSession.shellEnvironment(localShell, env);
    assertThat(env).containsKey("DOCKER_HOST");

    assertThat(((ReplResponse.Completions) session.handle(new ReplRequest.Complete(":logs p", 7)))
        .candidates()).containsExactly("printer");
    assertThat(in(":net slow db 100ms").text()).contains("container `db` is on " + REMOTE);

    assertThat(in(":quit")).isInstanceOf(ReplResponse.Quit.class);
    assertThat(remote.log()).as("quit removes what the run made on the other engine")
        .contains("remove container " + db);
    assertThat(local.log()).contains("remove container " + created(local, "busybox"));
  }

  @Test
  void aNameOnTwoEnginesPicksTheDefaultOnesUnlessQualified() throws Exception {
    run("""
            stage("up") {
                start(image = "busybox", name = "cache", command = listOf("sleep", "60"))
                on(remote) { start(image = "busybox", name = "cache", command = listOf("sleep", "60")) }
            }
        """);
    String here = created(local, "busybox");
    String there = created(remote, "busybox");
    assertThat(in(":ps").text()).contains("cache  default ").contains("cache  " + REMOTE);
    assertThat(in(":exec cache cat /etc/hostname").text()).isEqualTo("local-host\n");
    assertThat(in(":exec cache@default cat /etc/hostname").text()).isEqualTo("local-host\n");
    assertThat(in(":exec cache@" + REMOTE + " cat /etc/hostname").text()).isEqualTo("remote-host\n");
    assertThat(in(":exec cache@remote.example:2376 cat /etc/hostname").text()).isEqualTo("remote-host\n");
    assertThat(local.log()).contains("exec " + here + " [cat, /etc/hostname]");
    assertThat(remote.log()).contains("exec " + there + " [cat, /etc/hostname]");
    assertThat(in(":exec cache@tcp://elsewhere:1 true").text())
        .startsWith("no container `cache@tcp://elsewhere:1` in this session; containers: cache");
    assertThat(((ReplResponse.Completions) session.handle(new ReplRequest.Complete(":exec ca", 8)))
        .candidates()).containsExactly("cache", "cache@default", "cache@" + REMOTE);
    assertThat(in(":help ps").text()).contains("NAME@ENGINE").contains("default engine's container wins");
  }

  @Test
  void onlyTheDefaultEngineKeepsTheUsualTable() throws Exception {
    run("""
            stage("up") { start(image = "busybox", name = "web", command = listOf("sleep", "60")) }
            stage("there") { on(remote) { echo("nothing started") } }
        """);
    assertThat(in(":ps").text()).isEqualTo("""
        NAME  STATE    IP  PORTS  IMAGE
        web   running  -   -      busybox
        """);
  }

  @Test
  void explainNamesTheOtherEngineInEachCommand() throws Exception {
    in(":explain on");
    run("""
            stage("up") { on(remote) { start(image = "busybox", name = "db", command = listOf("sleep", "60")) } }
        """);
    assertThat(explained()).anySatisfy(l -> assertThat(l)
        .startsWith("$ docker -H " + REMOTE + " run -d ").contains("--name db").endsWith("busybox sleep 60"));
  }
}
