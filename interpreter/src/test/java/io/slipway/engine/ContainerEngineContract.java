package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.tar.TarReader;
import io.slipway.engine.tar.TarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerEngine} must do, as one suite run against each implementation.
 * Every resource a test creates carries a label unique to the test and is removed afterwards.
 */
public abstract class ContainerEngineContract {
  protected final String testId = "contract-" + UUID.randomUUID().toString().substring(0, 8);
  protected final Map<String, String> labels = Map.of(RunLabels.MANAGED, "true", "io.slipway.test", testId);
  private final List<String> images = new ArrayList<>();

  /** The engine under test (shared by the tests of a class). */
  protected abstract ContainerEngine engine();

  /** An image with busybox's sh, sleep, ping, httpd. */
  protected abstract String testImage();

  @AfterEach
  void removeEverything() {
    var e = engine();
    e.listContainers(labels).forEach(c -> e.removeContainer(c.id(), true));
    e.listNetworks(labels).forEach(n -> e.removeNetwork(n.id()));
    e.listVolumes(labels).forEach(v -> e.removeVolume(v.name()));
    images.forEach(i -> e.removeImage(i, true));
  }

  protected String run(List<String> command, String name) {
    var spec = ContainerSpec.builder(testImage()).name(name).labels(labels).command(command).init(true).build();
    String id = engine().createContainer(spec);
    engine().startContainer(id);
    return id;
  }

  private static String text(List<LogLine> lines, LogLine.Stream stream) {
    return String.join("\n", lines.stream().filter(l -> l.stream() == stream).map(LogLine::text).toList());
  }

  @Test
  void execStreamsOutputWithEnvWorkdirAndExitCode() {
    String id = run(List.of("sleep", "60"), null);
    List<LogLine> lines = new CopyOnWriteArrayList<>();
    var splitter = new LineSplitter(lines::add);
    int code = engine().exec(id, new ExecSpec(List.of("sh", "-c", "echo $FOO; pwd; echo oops >&2; exit 3"),
        Map.of("FOO", "bar"), "/tmp", null), splitter);
    splitter.flush();
    assertThat(code).isEqualTo(3);
    assertThat(text(lines, LogLine.Stream.STDOUT)).isEqualTo("bar\n/tmp");
    assertThat(text(lines, LogLine.Stream.STDERR)).isEqualTo("oops");
  }

  @Test
  void attachWritesToStdinAndStreamsOutput() throws Exception {
    var spec = ContainerSpec.builder(testImage()).labels(labels).entrypoint(List.of("sh")).stdinOpen(true).build();
    String id = engine().createContainer(spec);
    engine().startContainer(id);
    List<LogLine> lines = new CopyOnWriteArrayList<>();
    var splitter = new LineSplitter(lines::add);
    try (Attachment a = engine().attach(id, splitter)) {
      for (int i = 0; i < 3; i++) {
        a.stdin().write(("echo out" + i + "; echo err" + i + " >&2\n").getBytes(StandardCharsets.UTF_8));
        a.stdin().flush();
      }
      long deadline = System.currentTimeMillis() + 10_000;
      while (lines.size() < 6 && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
    }
    assertThat(text(lines, LogLine.Stream.STDOUT)).isEqualTo("out0\nout1\nout2");
    assertThat(text(lines, LogLine.Stream.STDERR)).isEqualTo("err0\nerr1\nerr2");
  }

  @Test
  void execAttachedRunsALongLivedShell() throws Exception {
    String id = run(List.of("sleep", "60"), null);
    var out = new java.io.ByteArrayOutputStream();
    try (Attachment a = engine().execAttached(id, ExecSpec.of(List.of("sh")), (s, c) -> {
      synchronized (out) {
        out.writeBytes(c);
      }
    })) {
      a.stdin().write("echo one\n".getBytes(StandardCharsets.UTF_8));
      a.stdin().flush();
      Thread.sleep(200);
      a.stdin().write("echo two\n".getBytes(StandardCharsets.UTF_8));
      a.stdin().flush();
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        synchronized (out) {
          if (out.toString(StandardCharsets.UTF_8).equals("one\ntwo\n")) {
            break;
          }
        }
        Thread.sleep(20);
      }
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
  }

  @Test
  void execOfMissingCommandIsNonZero() {
    String id = run(List.of("sleep", "60"), null);
    assertThat(engine().exec(id, ExecSpec.of(List.of("no-such-command")), OutputSink.NONE)).isNotZero();
  }

  @Test
  void waitReturnsTheExitCodeAndInspectDescribesIt() {
    String id = run(List.of("sh", "-c", "echo out; echo err >&2; exit 7"), null);
    assertThat(engine().waitContainer(id, Duration.ofSeconds(30))).isEqualTo(7);
    ContainerInfo info = engine().inspectContainer(id).orElseThrow();
    assertThat(info.state().running()).isFalse();
    assertThat(info.state().describe()).isEqualTo("exited with code 7");
    assertThat(info.labels()).containsAllEntriesOf(labels);
    List<LogLine> logs = engine().logs(id, -1);
    assertThat(text(logs, LogLine.Stream.STDOUT)).isEqualTo("out");
    assertThat(text(logs, LogLine.Stream.STDERR)).isEqualTo("err");
  }

  @Test
  void waitTimesOut() {
    String id = run(List.of("sleep", "60"), null);
    assertThatThrownBy(() -> engine().waitContainer(id, Duration.ofMillis(500)))
        .isInstanceOf(EngineException.class);
  }

  @Test
  void logsTailAndFollow() throws Exception {
    String id = run(List.of("sh", "-c", "for i in 1 2 3 4 5; do echo line$i; sleep 0.2; done"), null);
    List<LogLine> followed = new CopyOnWriteArrayList<>();
    var ended = new CountDownLatch(1);
    var splitter = new LineSplitter(followed::add);
    try (Subscription s = engine().followLogs(id, -1, splitter, ended::countDown)) {
      assertThat(ended.await(20, TimeUnit.SECONDS)).isTrue();
    }
    splitter.flush();
    assertThat(followed).extracting(LogLine::text).containsExactly("line1", "line2", "line3", "line4", "line5");
    assertThat(engine().logs(id, 2)).extracting(LogLine::text).containsExactly("line4", "line5");
  }

  @Test
  void listByLabelAndRemove() {
    String a = run(List.of("sleep", "60"), null);
    String b = run(List.of("true"), null);
    assertThat(engine().listContainers(labels)).extracting(ContainerInfo::id).containsExactlyInAnyOrder(a, b);
    engine().removeContainer(a, true);
    engine().removeContainer(a, true); // idempotent
    assertThat(engine().listContainers(labels)).extracting(ContainerInfo::id).containsExactly(b);
    assertThat(engine().inspectContainer(a)).isEmpty();
  }

  @Test
  void briefListAgreesWithTheInspectedOne() throws Exception {
    String healthy = "brief-" + testId;
    var spec = ContainerSpec.builder(testImage()).name(healthy).labels(labels).init(true)
        .command(List.of("sleep", "60")).port(PortBinding.tcp(0, 8080))
        .healthcheck(new HealthSpec(List.of("CMD", "true"), Duration.ofMillis(200), Duration.ofSeconds(5), 3))
        .build();
    String h = engine().createContainer(spec);
    engine().startContainer(h);
    String exited = run(List.of("sh", "-c", "exit 7"), null);
    assertThat(engine().waitContainer(exited, Duration.ofSeconds(30))).isEqualTo(7);
    String created = engine().createContainer(ContainerSpec.builder(testImage()).labels(labels)
        .command(List.of("true")).build());
    long deadline = System.currentTimeMillis() + 20_000;
    while (!"healthy".equals(engine().inspectContainer(h).orElseThrow().state().health())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    Map<String, ContainerInfo> full = new java.util.HashMap<>();
    engine().listContainers(labels).forEach(c -> full.put(c.id(), c));
    List<ContainerInfo> brief = engine().listContainersBrief(labels);
    assertThat(brief).extracting(ContainerInfo::id).containsExactlyInAnyOrder(h, exited, created);
    for (ContainerInfo b : brief) {
      ContainerInfo f = full.get(b.id());
      assertThat(b.name()).isEqualTo(f.name());
      assertThat(b.labels()).isEqualTo(f.labels());
      assertThat(b.ports()).isEqualTo(f.ports());
      assertThat(b.networks()).isEqualTo(f.networks());
      assertThat(b.state().status()).isEqualTo(f.state().status());
      assertThat(b.state().running()).isEqualTo(f.state().running());
      assertThat(b.state().exitCode()).isEqualTo(f.state().exitCode());
      assertThat(b.state().health()).isEqualTo(f.state().health());
    }
    assertThat(full.get(h).state().health()).isEqualTo("healthy");
    assertThat(full.get(h).ports()).containsKey("8080/tcp");
    assertThat(full.get(exited).state().exitCode()).isEqualTo(7);
    assertThat(full.get(created).state().status()).isEqualTo("created");
  }

  @Test
  void stopAndKill() {
    String a = run(List.of("sleep", "60"), null);
    engine().stopContainer(a, Duration.ofSeconds(5));
    assertThat(engine().inspectContainer(a).orElseThrow().state().running()).isFalse();
    engine().stopContainer(a, Duration.ofSeconds(1)); // stopping a stopped container is fine
    String b = run(List.of("sleep", "60"), null);
    engine().killContainer(b, "KILL");
    assertThat(engine().waitContainer(b, Duration.ofSeconds(10))).isEqualTo(137);
  }

  @Test
  void networkAliasesResolveAndInspectShowsAddresses() {
    String net = "net-" + testId;
    String netId = engine().createNetwork(new NetworkSpec(net, "bridge", labels, false));
    var server = ContainerSpec.builder(testImage()).name("srv-" + testId).labels(labels).init(true)
        .command(List.of("sleep", "60")).network(net).alias("books-db").build();
    String s = engine().createContainer(server);
    engine().startContainer(s);
    var client = ContainerSpec.builder(testImage()).labels(labels).init(true)
        .command(List.of("sleep", "60")).network(net).build();
    String c = engine().createContainer(client);
    engine().startContainer(c);
    assertThat(engine().exec(c, ExecSpec.of(List.of("ping", "-c", "1", "-W", "3", "books-db")), OutputSink.NONE)).isZero();
    String ip = engine().inspectContainer(s).orElseThrow().networks().get(net);
    assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(engine().inspectNetwork(netId).orElseThrow().containers()).containsEntry(s, ip);
    assertThat(engine().listNetworks(labels)).extracting(NetworkInfo::name).containsExactly(net);
    engine().disconnectNetwork(netId, c);
    engine().connectNetwork(netId, c, List.of("again"));
    assertThat(engine().exec(s, ExecSpec.of(List.of("ping", "-c", "1", "-W", "3", "again")), OutputSink.NONE)).isZero();
  }

  @Test
  void copyToAndFrom(@TempDir Path dir) throws Exception {
    String id = run(List.of("sleep", "60"), null);
    Path src = Files.writeString(dir.resolve("a.txt"), "hello\n");
    var tar = new ByteArrayOutputStream();
    try (var w = new TarWriter(tar)) {
      w.add(src, "a.txt");
      w.addBytes("sub/" + "x".repeat(120) + ".txt", "long".getBytes(StandardCharsets.UTF_8), 0644);
    }
    engine().copyTo(id, "/tmp", new ByteArrayInputStream(tar.toByteArray()));
    var out = new ByteArrayOutputStream();
    engine().exec(id, ExecSpec.of(List.of("sh", "-c", "cat /tmp/a.txt /tmp/sub/x*.txt")),
        (s, c) -> out.writeBytes(c));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nlong");
    Path dest = Files.createDirectory(dir.resolve("out"));
    try (InputStream in = engine().copyFrom(id, "/tmp/sub")) {
      TarReader.extract(in, dest, null);
    }
    assertThat(dest.resolve("sub/" + "x".repeat(120) + ".txt")).hasContent("long");
    try (InputStream in = engine().copyFrom(id, "/tmp/a.txt")) {
      TarReader.extract(in, dest, "renamed.txt");
    }
    assertThat(dest.resolve("renamed.txt")).hasContent("hello");
  }

  @Test
  void buildMultiStageWithTargetArgsLabelsAndDockerignore(@TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), """
        FROM %s AS base
        ARG VERSION=none
        RUN echo "$VERSION" > /version
        FROM base AS final
        COPY . /ctx
        """.formatted(testImage()));
    Files.writeString(ctx.resolve(".dockerignore"), "secret.txt\nlogs/**\n!logs/keep.log\n# comment\n");
    Files.writeString(ctx.resolve("app.txt"), "app");
    Files.writeString(ctx.resolve("secret.txt"), "s3cret");
    Files.createDirectories(ctx.resolve("logs"));
    Files.writeString(ctx.resolve("logs/a.log"), "a");
    Files.writeString(ctx.resolve("logs/keep.log"), "k");
    String tag = "slipway-contract/" + testId + ":1";
    images.add(tag);
    var output = new ByteArrayOutputStream();
    Map<String, String> buildLabels = new java.util.HashMap<>(labels);
    buildLabels.put("ci", "true");
    ImageInfo img = engine().build(new BuildSpec(ctx, "Dockerfile", List.of(tag), "final",
        Map.of("VERSION", "1.2"), buildLabels, false, false), (s, c) -> output.writeBytes(c));
    assertThat(img.tags()).contains(tag);
    assertThat(img.labels()).containsEntry("ci", "true");
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("Step");
    String built = engine().createContainer(ContainerSpec.builder(tag).labels(labels)
        .command(List.of("sh", "-c", "cat /version; ls -a /ctx; ls /ctx/logs")).build());
    engine().startContainer(built);
    engine().waitContainer(built, Duration.ofSeconds(30));
    List<String> lines = engine().logs(built, -1).stream().map(LogLine::text).toList();
    assertThat(lines.get(0)).isEqualTo("1.2");
    assertThat(lines).contains("app.txt", "Dockerfile", ".dockerignore", "keep.log").doesNotContain("secret.txt", "a.log");
  }

  @Test
  void failingBuildIsAnEngineException(@TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), "FROM " + testImage() + "\nRUN exit 3\n");
    var output = new ByteArrayOutputStream();
    assertThatThrownBy(() -> engine().build(new BuildSpec(ctx, "Dockerfile", List.of(), null, Map.of(),
        labels, false, false), (s, c) -> output.writeBytes(c)))
        .isInstanceOf(EngineException.class).hasMessageContaining("exit");
  }

  @Test
  void tagSaveRemoveLoad() {
    String tag = "slipway-contract/" + testId + ":saved";
    images.add(tag);
    engine().tag(testImage(), tag);
    var tar = new ByteArrayOutputStream();
    engine().saveImages(List.of(tag), tar);
    engine().removeImage(tag, false);
    assertThat(engine().inspectImage(tag)).isEmpty();
    engine().loadImages(new ByteArrayInputStream(tar.toByteArray()));
    assertThat(engine().inspectImage(tag)).isPresent();
  }

  @Test
  void exportAndImport() {
    String id = run(List.of("sh", "-c", "echo exported > /marker"), null);
    engine().waitContainer(id, Duration.ofSeconds(30));
    var tar = new ByteArrayOutputStream();
    engine().exportContainer(id, tar);
    String ref = "slipway-contract/" + testId + ":imported";
    images.add(ref);
    engine().importImage(new ByteArrayInputStream(tar.toByteArray()), ref);
    String c = engine().createContainer(ContainerSpec.builder(ref).labels(labels)
        .command(List.of("/bin/sh", "-c", "cat /marker")).build());
    engine().startContainer(c);
    engine().waitContainer(c, Duration.ofSeconds(30));
    assertThat(engine().logs(c, -1)).extracting(LogLine::text).containsExactly("exported");
  }

  @Test
  void volumesAreCreatedListedAndRemoved() {
    String name = "vol-" + testId;
    engine().createVolume(new VolumeSpec(name, labels));
    var spec = ContainerSpec.builder(testImage()).labels(labels).mount(Mount.volume(name, "/data"))
        .command(List.of("sh", "-c", "echo kept > /data/f")).build();
    String a = engine().createContainer(spec);
    engine().startContainer(a);
    engine().waitContainer(a, Duration.ofSeconds(30));
    engine().removeContainer(a, true);
    String b = engine().createContainer(ContainerSpec.builder(testImage()).labels(labels)
        .mount(Mount.volume(name, "/data")).command(List.of("cat", "/data/f")).build());
    engine().startContainer(b);
    engine().waitContainer(b, Duration.ofSeconds(30));
    assertThat(engine().logs(b, -1)).extracting(LogLine::text).containsExactly("kept");
    engine().removeContainer(b, true);
    assertThat(engine().listVolumes(labels)).extracting(VolumeInfo::name).containsExactly(name);
    engine().removeVolume(name);
    assertThat(engine().listVolumes(labels)).isEmpty();
  }

  @Test
  void eventsFilteredByLabel() throws Exception {
    List<EngineEvent> events = Collections.synchronizedList(new ArrayList<>());
    var started = new CountDownLatch(1);
    try (Subscription s = engine().events(Map.of("io.slipway.test", testId), e -> {
      events.add(e);
      if ("start".equals(e.action())) {
        started.countDown();
      }
    })) {
      Thread.sleep(300);
      String id = run(List.of("true"), null);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(events).anyMatch(e -> e.id().equals(id) && e.type().equals("container"));
    }
  }

  @Test
  void missingImageIsNotFound() {
    assertThat(engine().inspectImage("slipway-contract/none:" + testId)).isEmpty();
    assertThatThrownBy(() -> engine().createContainer(ContainerSpec.builder("slipway-contract/none:" + testId)
        .labels(labels).build())).isInstanceOf(NotFound.class);
  }
}
