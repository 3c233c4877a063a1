package io.slipway.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.repl.NetCommand.Name;
import io.slipway.run.Status;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code :net}: parsing (units, groups, options, located mistakes), name and network resolution
 * against a session's containers, status and heal with nothing applied, help and completion —
 * on the fake engine. Applying conditions for real: {@code ReplNetIT}.
 */
class ReplNetTest {
  @TempDir Path dir;
  final FakeContainerEngine fake = new FakeContainerEngine().withImage("busybox");
  ReplSession session;

  @BeforeEach
  void open() {
    session = new ReplSession(ReplConfig.of(Stdlib.registry()).withDir(dir)
        .withEngine(() -> fake).withEvents(e -> { }));
  }

  @AfterEach
  void close() {
    session.close();
  }

  static NetCommand parse(String line) {
    ReplCommands.Parsed p = ReplCommands.parse(line);
    assertThat(p.error()).as(line).isNull();
    return ((ReplRequest.Net) p.request()).command();
  }

  static String error(String line) {
    ReplCommands.Parsed p = ReplCommands.parse(line);
    assertThat(p.request()).as(line).isNull();
    return p.error();
  }

  /**
   * The code and message of a mistake ({@code E0803 `100x` is not a duration: ...}) and the rest
   * of its diagnostic, without the header's {@code <input>:1:15: error[..]: }.
   */
  static String coded(String line) {
    String e = error(line);
    var m = java.util.regex.Pattern.compile("<input>:1:\\d+: error\\[(E08\\d\\d)\\]: ").matcher(e);
    assertThat(m.lookingAt()).as(e).isTrue();
    return m.group(1) + " " + e.substring(m.end());
  }

  static List<String> texts(List<Name> names) {
    return names.stream().map(Name::text).toList();
  }

  @Test
  void slowTakesNamesADelayAndTheBuiltinsOptions() {
    var s = (NetCommand.Slow) parse(":net slow web db 100ms jitter=10ms");
    assertThat(texts(s.containers())).containsExactly("web", "db");
    assertThat(s.containers().get(1).column()).isEqualTo(14);
    assertThat(s.delay()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.jitter()).isEqualTo(Duration.ofMillis(10));
    assertThat(s.backend()).isEqualTo("auto");
    assertThat(s.strict()).isFalse();
    assertThat(s.duration()).isNull();
    assertThat(s.network()).isNull();
    s = (NetCommand.Slow) parse(":net slow 1.5s web backend=nfqueue strict duration=2.minutes net=sim");
    assertThat(s.delay()).isEqualTo(Duration.ofMillis(1500));
    assertThat(texts(s.containers())).containsExactly("web");
    assertThat(s.backend()).isEqualTo("nfqueue");
    assertThat(s.strict()).isTrue();
    assertThat(s.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.network()).isEqualTo("sim");
    s = (NetCommand.Slow) parse(":net slow web delay=100.ms jitter=250us strict=false");
    assertThat(s.delay()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.jitter()).isEqualTo(Duration.ofNanos(250_000));
    assertThat(s.strict()).isFalse();
    assertThat(((NetCommand.Slow) parse(":net slow web 30.seconds")).delay()).isEqualTo(Duration.ofSeconds(30));
    assertThat(((NetCommand.Slow) parse(":net slow web 1h")).delay()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void flakyLimitPartitionFastMeasureStatusAndHealParse() {
    var f = (NetCommand.Flaky) parse(":net flaky db 20%");
    assertThat(f.loss()).isEqualTo(0.2);
    assertThat(f.every()).isZero();
    assertThat(((NetCommand.Flaky) parse(":net flaky db 12.5.percent")).loss()).isEqualTo(0.125);
    f = (NetCommand.Flaky) parse(":net flaky db web every=4 duration=30s");
    assertThat(f.every()).isEqualTo(4);
    assertThat(f.loss()).isZero();
    assertThat(texts(f.containers())).containsExactly("db", "web");
    assertThat(f.duration()).isEqualTo(Duration.ofSeconds(30));

    var l = (NetCommand.Limit) parse(":net limit web 1mbit ingress=500kbit");
    assertThat(l.rate()).isEqualTo(1_000_000);
    assertThat(l.ingress()).isEqualTo(500_000);
    assertThat(((NetCommand.Limit) parse(":net limit web 1.gbit")).rate()).isEqualTo(1_000_000_000L);
    assertThat(((NetCommand.Limit) parse(":net limit web 8000bit")).rate()).isEqualTo(8000);

    var p = (NetCommand.Partition) parse(":net partition web,db cache oneWay");
    assertThat(p.groups()).hasSize(2);
    assertThat(texts(p.groups().get(0))).containsExactly("web", "db");
    assertThat(p.groups().get(0).get(1).column()).isEqualTo(19);
    assertThat(texts(p.groups().get(1))).containsExactly("cache");
    assertThat(p.oneWay()).isTrue();
    assertThat(((NetCommand.Partition) parse(":net partition a b c duration=1m")).groups()).hasSize(3);

    var fast = (NetCommand.Fast) parse(":net fast web db");
    assertThat(texts(fast.containers())).containsExactly("web", "db");
    var m = (NetCommand.Measure) parse(":net measure web db count=20");
    assertThat(m.from().text()).isEqualTo("web");
    assertThat(m.to().text()).isEqualTo("db");
    assertThat(m.count()).isEqualTo(20);
    assertThat(((NetCommand.Measure) parse(":net measure web db")).count()).isEqualTo(100);
    assertThat(parse(":net status")).isEqualTo(new NetCommand.Status(null));
    assertThat(parse(":net status net=sim")).isEqualTo(new NetCommand.Status("sim"));
    assertThat(parse(":net heal")).isEqualTo(new NetCommand.Heal());
    var i = (NetCommand.Isolate) parse(":net isolate web duration=10s");
    assertThat(i.container().text()).isEqualTo("web");
    assertThat(i.duration()).isEqualTo(Duration.ofSeconds(10));
    var plan = (NetCommand.Plan) parse(":net plan partition web,db cache net=sim");
    assertThat(((NetCommand.Partition) plan.change()).groups()).hasSize(2);
    assertThat(plan.network()).isEqualTo("sim");
    assertThat(((NetCommand.Plan) parse(":net plan heal")).change()).isEqualTo(new NetCommand.Heal());
  }

  @Test
  void mistakesAreOneMessageWithTheWordUnderlined() {
    assertThat(error(":net slow web 100x")).isEqualTo("""
        <input>:1:15: error[E0803]: `100x` is not a duration: write a number and a unit, e.g. 100ms, 1.5s, 2m, 1h, \
        250us (or 100.ms, 30.seconds)
            1 | :net slow web 100x
              |               ^^^^""");
    assertThat(error(":net slow web 100ms jitter=fast")).startsWith("<input>:1:28: error[E0803]: `fast` is not a duration")
        .endsWith("\n    1 | :net slow web 100ms jitter=fast\n      | " + " ".repeat(27) + "^^^^");
    assertThat(error(":net flaky db 120%")).startsWith("<input>:1:15: error[E0803]: loss is above 0% and at most 100%, "
        + "not 120%\n");
    // something missing is shown where it would go: after the line
    assertThat(error(":net flaky db")).isEqualTo("""
        <input>:1:14: error[E0804]: `:net flaky` needs a loss, e.g. `:net flaky db 20%`
            1 | :net flaky db
              |              ^""");
    assertThat(coded(":net flaky db 20% every=3")).startsWith("E0804 give either a loss (20%) or every=N, not both");
    assertThat(coded(":net flaky db every=1")).startsWith("E0803 every must be 2 or more");
    assertThat(coded(":net limit web 1mb")).startsWith("E0803 `1mb` is not a rate: ");
    assertThat(coded(":net slow 100ms")).startsWith("E0804 `:net slow` needs at least one container name (as :ps shows it)\n");
    assertThat(coded(":net slow web 100ms 200ms")).startsWith("E0804 a second delay; give one (e.g. 100ms)\n");
    assertThat(error(":net frob web")).isEqualTo("""
        <input>:1:6: error[E0801]: unknown `:net` subcommand `frob`; use one of status, slow, flaky, limit, \
        partition, isolate, fast, heal, measure, link, unlink, plan
            1 | :net frob web
              |      ^^^^""");
    assertThat(coded(":net slow web 100ms colour=red")).startsWith("E0802 `:net slow` has no option `colour`; its "
        + "options: delay=, jitter=, backend=, strict, duration=, net=\n");
    assertThat(coded(":net slow web 100ms jitter=1ms jitter=2ms")).startsWith("E0804 option `jitter` is given twice");
    assertThat(coded(":net slow web 100ms backend=magic")).startsWith("E0803 unknown backend `magic`: use auto, netem or nfqueue");
    assertThat(coded(":net slow web 100ms strict=yes")).startsWith("E0803 `strict` is true or false, not `yes`");
    assertThat(coded(":net partition web")).startsWith("E0804 `:net partition` needs at least two groups");
    assertThat(coded(":net partition web,,db cache")).startsWith("E0803 empty name in the group `web,,db`");
    assertThat(coded(":net slow web,db 100ms")).startsWith("E0804 commas group containers only in `:net partition`");
    assertThat(coded(":net measure web")).startsWith("E0804 `:net measure` takes two containers, FROM and TO");
    assertThat(coded(":net measure web db count=0")).startsWith("E0803 `0` is not a whole number above 0");
    assertThat(error(":net heal web")).isEqualTo("""
        <input>:1:11: error[E0804]: `:net heal` takes no containers; usage: :net heal
            1 | :net heal web
              |           ^^^""");
    assertThat(coded(":net heal net=sim")).startsWith("E0802 `:net heal` has no option `net`");
    assertThat(coded(":net")).startsWith("E0804 usage: :net SUBCOMMAND ...; subcommands: status, slow,");
    assertThat(coded(":net slow web 0ms")).startsWith("E0803 the delay must be above 0");
    assertThat(coded(":net isolate web db")).startsWith("E0804 `:net isolate` takes one container");
    assertThat(coded(":net isolate")).startsWith("E0804 `:net isolate` needs the container to cut off");
    assertThat(coded(":net plan")).startsWith("E0804 `:net plan` shows the commands a change would run");
    assertThat(error(":net plan measure web db")).isEqualTo("<input>:1:11: error[E0801]: `:net plan` shows the "
        + "commands of a change (slow, flaky, limit, partition, isolate, link, unlink, fast, heal), not of `measure`\n"
        + "    1 | :net plan measure web db\n      |           ^^^^^^^");
    assertThat(coded(":net plan slow web")).startsWith("E0804 `:net slow` needs a delay");
  }

  @Test
  void linkTakesFromToPortAndTheLinkBlocksFaultsWithTheirUnits() {
    var l = (NetCommand.Link) parse(":net link web db 5432 latency=200ms bandwidth=2mbit");
    assertThat(l.from().text()).isEqualTo("web");
    assertThat(l.to()).isEqualTo(new Name("db", 14));
    assertThat(l.port()).isEqualTo(5432);
    assertThat(l.faults()).isEqualTo(new NetCommand.LinkFaults(Duration.ofMillis(200), null, 2_000_000, null,
        null, null, -1));
    assertThat(l.duration()).isNull();
    l = (NetCommand.Link) parse(":net link web db 80 latency=200.ms jitter=20ms timeout=5.seconds resetPeer=1s "
        + "slowClose=50ms limitData=10.kb duration=1m net=sim");
    assertThat(l.faults()).isEqualTo(new NetCommand.LinkFaults(Duration.ofMillis(200), Duration.ofMillis(20), 0,
        Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMillis(50), 10 * 1024));
    assertThat(l.duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(l.network()).isEqualTo("sim");
    // the faults become the Link the builtins build: link(..) { latency(200.ms, jitter = 20.ms); ... }
    var link = l.faults().applyTo(io.slipway.netsim.Link.to("db", "10.0.0.3", 80));
    assertThat(link).isEqualTo(io.slipway.netsim.Link.to("db", "10.0.0.3", 80).withLatency(200_000, 20_000)
        .withTimeout(5000).withReset(1000).withSlowClose(50).withLimit(10240));
    assertThat(link.describe()).isEqualTo("link db:80 (latency 200ms±20ms, timeout 5000ms, reset after 1000ms, "
        + "slow close 50ms, limit 10240 bytes)");
    assertThat(((NetCommand.Link) parse(":net link web db 80 timeout=0")).faults().timeout()).isZero();
    assertThat(((NetCommand.Link) parse(":net link web db 80 limitData=512b")).faults().limitData()).isEqualTo(512);
    assertThat(parse(":net unlink web db 5432")).isEqualTo(new NetCommand.Unlink(new Name("web", 12),
        new Name("db", 16), 5432, null));
    var plan = (NetCommand.Plan) parse(":net plan link web db 80 bandwidth=64kbit");
    assertThat(((NetCommand.Link) plan.change()).faults().bandwidth()).isEqualTo(64_000);
  }

  @Test
  void linkMistakesAreLocated() {
    assertThat(error(":net link web db 5432 latency=200xs")).isEqualTo("""
        <input>:1:31: error[E0803]: `200xs` is not a duration: write a number and a unit, e.g. 100ms, 1.5s, 2m, \
        1h, 250us (or 100.ms, 30.seconds)
            1 | :net link web db 5432 latency=200xs
              |                               ^^^^^""");
    assertThat(coded(":net link web db 5432 bandwidth=2mb")).startsWith("E0803 `2mb` is not a rate: ")
        .endsWith("\n      | " + " ".repeat(32) + "^^^");
    assertThat(coded(":net link web db 5432 limitData=10kbit")).startsWith("E0803 `10kbit` is not a size: ");
    assertThat(error(":net link web db 5432 jam=1s")).isEqualTo("""
        <input>:1:23: error[E0802]: unknown fault `jam`; a link's faults: latency=, jitter=, bandwidth=, timeout=, \
        resetPeer=, slowClose=, limitData= (options: duration=, net=)
            1 | :net link web db 5432 jam=1s
              |                       ^^^^^^""");
    assertThat(coded(":net link web db 5432 latency 200ms")).startsWith("E0804 a fault takes its value after `=`: latency=");
    assertThat(coded(":net link web db 5432 jam")).startsWith("E0802 unknown fault `jam`");
    assertThat(coded(":net link web db 5432")).startsWith("E0804 `:net link` names no fault: add latency=, ");
    assertThat(coded(":net link web db latency=1s")).startsWith("E0804 `:net link` needs FROM TO PORT");
    assertThat(error(":net link web db http latency=1s")).isEqualTo("""
        <input>:1:18: error[E0803]: `http` is not a port: write a whole number from 1 to 65535
            1 | :net link web db http latency=1s
              |                  ^^^^""");
    assertThat(coded(":net link web db 70000 latency=1s")).startsWith("E0803 `70000` is not a port");
    assertThat(coded(":net unlink web db")).startsWith("E0804 `:net unlink` needs FROM TO PORT");
    assertThat(coded(":net unlink web db 80 latency=1s")).startsWith("E0802 `:net unlink` has no option `latency`");
  }

  @Test
  void linkResolvesTheSlipfilesNamesWithLocatedErrors() throws Exception {
    loadAndRun();
    assertThat(session.handleLine(":net link web nope 5432 latency=200ms").text()).isEqualTo("""
        <input>:1:15: error[E0805]: no container `nope` in this session; containers: db, lone, plain, web
            1 | :net link web nope 5432 latency=200ms
              |               ^^^^
        """);
    assertThat(session.handleLine(":net link web lone 80 latency=1s").text())
        .startsWith("<input>:1:11: error[E0806]: these containers share no network: `web` is on sim; `lone` is on "
            + "other\n");
    assertThat(session.handleLine(":net link web web 80 latency=1s").text())
        .startsWith("<input>:1:15: error[E0806]: a link joins two containers; `web` is the client too\n");
    assertThat(session.handleLine(":net unlink web db 5432").text()).isEqualTo("""
        <input>:1:17: error[E0806]: no link from `web` to `db` port 5432; `web` has none
            1 | :net unlink web db 5432
              |                 ^^
        """);
  }

  private void loadAndRun() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("p") {
            stage("up") {
                val net = network("sim")
                val other = network("other")
                start(image = "busybox", name = "web", network = net, command = listOf("sleep", "60"))
                start(image = "busybox", name = "db", network = net, command = listOf("sleep", "60"))
                start(image = "busybox", name = "lone", network = other, command = listOf("sleep", "60"))
                start(image = "busybox", name = "plain", command = listOf("sleep", "60"))
            }
        }
        """);
    session.handleLine(":load Slipfile");
    ReplResponse r = session.handleLine(":run");
    assertThat(((ReplResponse.RunEnded) r).status()).as(r.text()).isEqualTo(Status.SUCCESS);
  }

  @Test
  void namesAndNetworksAreResolvedWithLocatedErrors() throws Exception {
    loadAndRun();
    ReplResponse r = session.handleLine(":net slow web nope 100ms");
    assertThat(r).isInstanceOf(ReplResponse.Failure.class);
    assertThat(r.text()).isEqualTo("""
        <input>:1:15: error[E0805]: no container `nope` in this session; containers: db, lone, plain, web
            1 | :net slow web nope 100ms
              |               ^^^^
        """);
    r = session.handleLine(":net partition web lone");
    assertThat(r.text()).startsWith("<input>:1:16: error[E0806]: these containers share no network: `web` is on "
        + "sim; `lone` is on other\n");
    r = session.handleLine(":net flaky web 20% net=other");
    assertThat(r.text()).isEqualTo("<input>:1:12: error[E0806]: `web` is not on network `other`; its networks: sim\n"
        + "    1 | :net flaky web 20% net=other\n      |            ^^^\n");
    r = session.handleLine(":net measure plain web");
    assertThat(r.text()).startsWith("<input>:1:14: error[E0806]: these containers share no network: `plain` is "
        + "on none; `web` is on sim");
    r = session.handleLine(":net isolate lone");
    assertThat(r.text()).startsWith("<input>:1:14: error[E0806]: `lone` is the only container of its run on "
        + "network `other`: there is nothing to cut it off from\n");
    assertThat(session.handleLine(":net plan heal").text())
        .isEqualTo("nothing to heal: no condition or partition applies\n");
    r = session.handleLine(":net status net=nowhere");
    assertThat(r.text()).isEqualTo("""
        <input>:1:17: error[E0807]: no container of this session is on network `nowhere`; networks: other, sim
            1 | :net status net=nowhere
              |                 ^^^^^^^
        """);
  }

  @Test
  void statusListsTheContainersPerNetworkAndHealWithNothingAppliedSaysSo() throws Exception {
    assertThat(session.handleLine(":net status").text()).isEqualTo("no containers on a network\n");
    loadAndRun();
    String status = session.handleLine(":net status").text();
    assertThat(status).startsWith("NODE ").contains("CONDITIONS").contains("PARTITION").contains("OBSERVED")
        .containsPattern("(?m)^web +sim +10\\.0\\.0\\.\\d+ +running +- +- +- +-$")
        .containsPattern("(?m)^lone +other ").doesNotContain("plain").doesNotContain("applied:");
    assertThat(session.handleLine(":net status net=sim").text()).contains("web").contains("db")
        .doesNotContain("lone");
    assertThat(session.handleLine(":net heal").text())
        .isEqualTo("nothing to heal: no condition or partition applies\n");
    // nothing was started for that: no helper, no probe
    assertThat(fake.log()).noneMatch(l -> l.contains("slipway-net") || l.contains("netsim"));
  }

  @Test
  void aStoppedContainerIsNamedAsNotRunning() throws Exception {
    loadAndRun();
    String id = ((ReplResponse.ShellTarget) session.handleLine(":shell db")).containerId();
    fake.stopContainer(id, Duration.ZERO);
    ReplResponse r = session.handleLine(":net flaky db 20%");
    assertThat(r.text()).startsWith("<input>:1:12: error[E0806]: container `db` is not running (exited");
  }

  @Test
  void helpAndCompletionKnowNet() throws Exception {
    assertThat(session.handleLine(":help").text()).contains(":net SUBCOMMAND ...");
    String help = session.handleLine(":help net").text();
    assertThat(help).contains(":net slow NAME... DELAY [jitter=D]").contains(":net partition A,B C...")
        .contains(":net measure FROM TO [count=N]").contains(":net plan CHANGE...").contains(":net isolate NAME").contains("removed with them on :run")
        .contains(":net link FROM TO PORT FAULT=VALUE... [duration=D]").contains("latency=D [jitter=D] bandwidth=RATE")
        .contains(":net unlink FROM TO PORT");
    assertThat(complete(":ne")).containsExactlyInAnyOrder(":net", ":next");
    assertThat(complete(":net ")).containsExactly("fast", "flaky", "heal", "isolate", "limit", "link", "measure",
        "partition", "plan", "slow", "status", "unlink");
    assertThat(complete(":net plan li")).containsExactly("limit", "link");
    assertThat(complete(":net sl")).containsExactly("slow");
    assertThat(complete(":net plan sl")).containsExactly("slow");
    loadAndRun();
    assertThat(complete(":net slow ")).contains("web", "db", "jitter=", "strict", "net=");
    assertThat(complete(":net partition web,d")).contains("db").doesNotContain("web");
    assertThat(complete(":net measure web ")).contains("db", "count=").doesNotContain("jitter=");
    assertThat(complete(":net slow web jitter=")).isEmpty();
    assertThat(complete(":net status ")).containsExactly("net=");
    assertThat(complete(":net link web db 5432 ")).contains("db", "latency=", "jitter=", "bandwidth=", "timeout=",
        "resetPeer=", "slowClose=", "limitData=", "duration=", "net=");
    assertThat(complete(":net link web db 5432 re")).containsExactly("resetPeer=");
    assertThat(complete(":net unlink web ")).contains("db", "net=").doesNotContain("latency=");
  }

  private List<String> complete(String text) {
    var r = (ReplResponse.Completions) session.handle(new ReplRequest.Complete(text, text.length()));
    return r.candidates();
  }
}
