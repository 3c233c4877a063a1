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
        `100x` is not a duration: write a number and a unit, e.g. 100ms, 1.5s, 2m, 1h, 250us (or 100.ms, 30.seconds)
          :net slow web 100x
                        ^^^^""");
    assertThat(error(":net slow web 100ms jitter=fast")).startsWith("`fast` is not a duration")
        .endsWith("\n  :net slow web 100ms jitter=fast\n" + " ".repeat(29) + "^^^^");
    assertThat(error(":net flaky db 120%")).startsWith("loss is above 0% and at most 100%, not 120%\n");
    assertThat(error(":net flaky db")).isEqualTo("`:net flaky` needs a loss, e.g. `:net flaky db 20%`");
    assertThat(error(":net flaky db 20% every=3")).startsWith("give either a loss (20%) or every=N, not both");
    assertThat(error(":net flaky db every=1")).startsWith("every must be 2 or more");
    assertThat(error(":net limit web 1mb")).startsWith("`1mb` is not a rate: ");
    assertThat(error(":net slow 100ms")).isEqualTo("`:net slow` needs at least one container name (as :ps shows it)");
    assertThat(error(":net slow web 100ms 200ms")).startsWith("a second delay; give one (e.g. 100ms)\n");
    assertThat(error(":net frob web")).isEqualTo("""
        unknown `:net` subcommand `frob`; use one of status, slow, flaky, limit, partition, isolate, fast, heal, measure, plan
          :net frob web
               ^^^^""");
    assertThat(error(":net slow web 100ms colour=red")).startsWith("`:net slow` has no option `colour`; its "
        + "options: delay=, jitter=, backend=, strict, duration=, net=\n");
    assertThat(error(":net slow web 100ms jitter=1ms jitter=2ms")).startsWith("option `jitter` is given twice");
    assertThat(error(":net slow web 100ms backend=magic")).startsWith("unknown backend `magic`: use auto, netem or nfqueue");
    assertThat(error(":net slow web 100ms strict=yes")).startsWith("`strict` is true or false, not `yes`");
    assertThat(error(":net partition web")).startsWith("`:net partition` needs at least two groups");
    assertThat(error(":net partition web,,db cache")).startsWith("empty name in the group `web,,db`");
    assertThat(error(":net slow web,db 100ms")).startsWith("commas group containers only in `:net partition`");
    assertThat(error(":net measure web")).startsWith("`:net measure` takes two containers, FROM and TO");
    assertThat(error(":net measure web db count=0")).startsWith("`0` is not a whole number above 0");
    assertThat(error(":net heal web")).isEqualTo("""
        `:net heal` takes no containers; usage: :net heal
          :net heal web
                    ^^^""");
    assertThat(error(":net heal net=sim")).startsWith("`:net heal` has no option `net`");
    assertThat(error(":net")).startsWith("usage: :net SUBCOMMAND ...; subcommands: status, slow,");
    assertThat(error(":net slow web 0ms")).startsWith("the delay must be above 0");
    assertThat(error(":net isolate web db")).startsWith("`:net isolate` takes one container");
    assertThat(error(":net isolate")).startsWith("`:net isolate` needs the container to cut off");
    assertThat(error(":net plan")).startsWith("`:net plan` shows the commands a change would run");
    assertThat(error(":net plan measure web db")).isEqualTo("`:net plan` shows the commands of a change (slow, "
        + "flaky, limit, partition, isolate, fast, heal), not of `measure`\n  :net plan measure web db\n"
        + " ".repeat(12) + "^^^^^^^");
    assertThat(error(":net plan slow web")).startsWith("`:net slow` needs a delay");
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
        no container `nope` in this session; containers: db, lone, plain, web
          :net slow web nope 100ms
                        ^^^^
        """);
    r = session.handleLine(":net partition web lone");
    assertThat(r.text()).startsWith("these containers share no network: `web` is on sim; `lone` is on other\n");
    r = session.handleLine(":net flaky web 20% net=other");
    assertThat(r.text()).isEqualTo("`web` is not on network `other`; its networks: sim\n"
        + "  :net flaky web 20% net=other\n" + " ".repeat(13) + "^^^\n");
    r = session.handleLine(":net measure plain web");
    assertThat(r.text()).startsWith("these containers share no network: `plain` is on none; `web` is on sim");
    r = session.handleLine(":net isolate lone");
    assertThat(r.text()).startsWith("`lone` is the only container of its run on network `other`: there is "
        + "nothing to cut it off from\n");
    assertThat(session.handleLine(":net plan heal").text())
        .isEqualTo("nothing to heal: no condition or partition applies\n");
    r = session.handleLine(":net status net=nowhere");
    assertThat(r.text()).startsWith("no container of this session is on network `nowhere`; networks: other, sim\n")
        .endsWith("""
              :net status net=nowhere
                              ^^^^^^^
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
    assertThat(r.text()).startsWith("container `db` is not running (exited");
  }

  @Test
  void helpAndCompletionKnowNet() throws Exception {
    assertThat(session.handleLine(":help").text()).contains(":net SUBCOMMAND ...");
    String help = session.handleLine(":help net").text();
    assertThat(help).contains(":net slow NAME... DELAY [jitter=D]").contains(":net partition A,B C...")
        .contains(":net measure FROM TO [count=N]").contains(":net plan CHANGE...").contains(":net isolate NAME").contains("removed with them on :run");
    assertThat(complete(":ne")).containsExactlyInAnyOrder(":net", ":next");
    assertThat(complete(":net ")).containsExactly("fast", "flaky", "heal", "isolate", "limit", "measure",
        "partition", "plan", "slow", "status");
    assertThat(complete(":net sl")).containsExactly("slow");
    assertThat(complete(":net plan sl")).containsExactly("slow");
    loadAndRun();
    assertThat(complete(":net slow ")).contains("web", "db", "jitter=", "strict", "net=");
    assertThat(complete(":net partition web,d")).contains("db").doesNotContain("web");
    assertThat(complete(":net measure web ")).contains("db", "count=").doesNotContain("jitter=");
    assertThat(complete(":net slow web jitter=")).isEmpty();
    assertThat(complete(":net status ")).containsExactly("net=");
  }

  private List<String> complete(String text) {
    var r = (ReplResponse.Completions) session.handle(new ReplRequest.Complete(text, text.length()));
    return r.candidates();
  }
}
