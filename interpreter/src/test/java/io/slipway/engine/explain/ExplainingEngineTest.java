package io.slipway.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.BuildSpec;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.HealthSpec;
import io.slipway.engine.Mount;
import io.slipway.engine.NetworkSpec;
import io.slipway.engine.OutputSink;
import io.slipway.engine.PortBinding;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.RunLabels;
import io.slipway.engine.TlsFiles;
import io.slipway.engine.VolumeSpec;
import io.slipway.run.Event;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each engine operation is explained as, in which order, and with which names. */
class ExplainingEngineTest {
  static final Path BASE = Path.of("/work/books").toAbsolutePath();
  static final RunLabels RUN = new RunLabels("run-42", "books", 1, "host", "t0");
  static final String IMAGE = "slipway-test/busybox:latest";

  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  ExplainingEngine engine;

  @BeforeEach
  void setUp() {
    engine = new ExplainingEngine(RecordingEngine.into(log), BASE, log::add);
    engine.enabled(true);
  }

  /** The explanations only (without the recorded calls). */
  List<String> lines() {
    return log.stream().filter(l -> l.startsWith("$ ")).toList();
  }

  ContainerSpec.Builder container(String userName) {
    return ContainerSpec.builder(IMAGE).name(RUN.scoped(userName)).labels(RUN.labels()).hostname(userName);
  }

  String network(String userName) {
    return engine.createNetwork(new NetworkSpec(RUN.scoped(userName), "bridge", RUN.labels(), false));
  }

  @Test
  void aStartedContainerIsExplainedAsRunDetachedWithTheSlipfilesNames() {
    String net = network("books");
    var spec = container("db").network(RUN.scoped("books")).alias("db")
        .command(List.of("sleep", "300")).build();
    String id = engine.createContainer(spec);
    engine.startContainer(id);
    assertThat(log).containsExactly(
        "$ docker network create books", "> createNetwork",
        "> createContainer",
        "$ docker run -d --name db --network books slipway-test/busybox:latest sleep 300", "> startContainer");
    assertThat(net).isEqualTo("id-1");
  }

  @Test
  void laterOperationsNameTheContainerAndNetworkByIdOrEngineName() {
    String net = network("books");
    String id = engine.createContainer(container("db").build());
    engine.startContainer(id);
    log.clear();
    engine.connectNetwork(net, id, List.of("db", "database"));
    engine.disconnectNetwork(RUN.scoped("books"), RUN.scoped("db"));
    engine.stopContainer(id, Duration.ofSeconds(10));
    engine.removeContainer(id, true);
    engine.removeNetwork(net);
    assertThat(lines()).containsExactly(
        "$ docker network connect --alias database books db",
        "$ docker network disconnect books db",
        "$ docker stop -t 10 db",
        "$ docker rm -f db",
        "$ docker network rm books");
  }

  @Test
  void somethingBetweenCreateAndStartSplitsRunIntoCreateAndStart() {
    String net = network("books");
    String id = engine.createContainer(container("agent-build-1").entrypoint(List.of("sh", "-c", "sleep 1; exit 0"))
        .workdir("/workspace").mount(Mount.bind("/work/books", "/workspace")).build());
    engine.connectNetwork(net, id, List.of());
    engine.startContainer(id);
    assertThat(lines()).containsExactly(
        "$ docker network create books",
        "$ docker create --name agent-build-1 -v /work/books:/workspace -w /workspace --entrypoint sh "
            + "slipway-test/busybox:latest -c 'sleep 1; exit 0'",
        "$ docker network connect books agent-build-1",
        "$ docker start agent-build-1");
  }

  @Test
  void aFailedCreateIsExplainedBeforeTheFailurePropagates() {
    engine = new ExplainingEngine(RecordingEngine.into(log, "createContainer"), BASE, log::add);
    engine.enabled(true);
    assertThatThrownBy(() -> engine.createContainer(container("web").build()))
        .isInstanceOf(EngineException.class);
    assertThat(log).containsExactly("> createContainer", "$ docker create --name web slipway-test/busybox:latest");
  }

  @Test
  void everyContainerSettingBecomesItsFlag() {
    engine.createVolume(new VolumeSpec(RUN.scoped("data"), RUN.labels()));
    var spec = container("web").hostname("www").network("plain-net").alias("web").alias("site")
        .port(PortBinding.tcp(8080, 80)).port(PortBinding.tcp(0, 443))
        .port(new PortBinding(5353, 53, "udp", "127.0.0.1")).port(new PortBinding(9000, 9000, "tcp", "", 9005))
        .mount(Mount.volume(RUN.scoped("data"), "/data")).mount(new Mount("/srv/conf", "/conf", true, false))
        .env(Map.of("GREETING", "hello world")).env(Collections.singletonMap("PASS_ON", null))
        .workdir("/app").user("1000:1000").init(true).capAdd("NET_ADMIN").stopTimeout(Duration.ofSeconds(3))
        .healthcheck(HealthSpec.shell("wget -q -O /dev/null http://127.0.0.1:80/", Duration.ofSeconds(1)))
        .labels(Map.of("team", "books"))
        .command(List.of("httpd", "-f", "-p", "80")).build();
    engine.startContainer(engine.createContainer(spec));
    assertThat(lines()).containsExactly("$ docker volume create data",
        "$ docker run -d --name web --hostname www --network plain-net --network-alias site"
            + " -p 8080:80 -p 443 -p 127.0.0.1:5353:53/udp -p 9000-9005:9000 -v data:/data -v /srv/conf:/conf:ro"
            + " -e 'GREETING=hello world' -e PASS_ON -w /app -u 1000:1000 --init --cap-add NET_ADMIN --stop-timeout 3"
            + " --health-cmd 'wget -q -O /dev/null http://127.0.0.1:80/' --health-interval 1s --health-timeout 5s"
            + " --health-retries 3 --label team=books slipway-test/busybox:latest httpd -f -p 80");
  }

  @Test
  void anEmptyEntrypointAndNoHealthcheckAreSaidExplicitly() {
    var spec = container("x").entrypoint(List.of()).stdinOpen(true)
        .healthcheck(new HealthSpec(List.of("NONE"), null, null, null, null)).build();
    engine.startContainer(engine.createContainer(spec));
    assertThat(lines()).containsExactly(
        "$ docker run -d -i --name x --no-healthcheck --entrypoint '' slipway-test/busybox:latest");
  }

  @Test
  void composeOptionsBecomeTheirFlags() {
    var o = new io.slipway.engine.ContainerOptions("example.org", "SIGINT", null, true, false, "on-failure:3",
        List.of("MKNOD"), true, true, List.of("10.0.0.2"), List.of("example.org"), List.of("ndots:2"),
        List.of("db:10.0.0.3"), Map.of("net.ipv4.ip_forward", "1"), Map.of("/run", "size=64k"),
        List.of(new io.slipway.engine.ContainerOptions.Ulimit("nofile", 1024, 2048)), 67108864L, 268435456L,
        null, null, 1_500_000_000L, 512L, 100L, "json-file", Map.of("max-size", "1m"), "host", "shareable",
        List.of("no-new-privileges"), List.of("audio"), List.of("other"), List.of("db:database"),
        List.of("/srv:/srv:rw"), List.of(new io.slipway.engine.ContainerOptions.MountPoint("tmpfs", null, "/cache",
            false, null, false, 1048576L, 0700)), List.of("/anon"), List.of("3000/tcp"), "10.0.0.9", null);
    engine.startContainer(engine.createContainer(container("svc").options(o).build()));
    assertThat(lines()).containsExactly("$ docker run -d -t --name svc --domainname example.org --stop-signal SIGINT"
        + " --restart on-failure:3 --cap-drop MKNOD --privileged --read-only --dns 10.0.0.2 --dns-search example.org"
        + " --dns-option ndots:2 --add-host db:10.0.0.3 --sysctl net.ipv4.ip_forward=1 --tmpfs /run:size=64k"
        + " --ulimit nofile=1024:2048 --shm-size 67108864 --memory 268435456 --cpus 1.5 --cpu-shares 512"
        + " --pids-limit 100 --log-driver json-file --log-opt max-size=1m --pid host --ipc shareable"
        + " --security-opt no-new-privileges --group-add audio --volumes-from other --link db:database"
        + " -v /srv:/srv:rw --mount type=tmpfs,target=/cache,tmpfs-size=1048576,tmpfs-mode=700 -v /anon"
        + " --expose 3000/tcp --ip 10.0.0.9 slipway-test/busybox:latest");
  }

  @Test
  void execQuotesWhatAShellWouldSplitAndNamesEnvWorkdirUser() {
    String id = engine.createContainer(container("db").build());
    engine.startContainer(id);
    log.clear();
    engine.exec(id, new ExecSpec(List.of("sh", "-c", "echo \"it's\" $HOME > /tmp/x"), Map.of("A", "1"), "/tmp", "root"),
        OutputSink.NONE);
    engine.execAttached(id, ExecSpec.of(List.of("sh")), OutputSink.NONE);
    engine.attach(id, OutputSink.NONE);
    assertThat(lines()).containsExactly(
        "$ docker exec -e A=1 -w /tmp -u root db sh -c 'echo \"it'\\''s\" $HOME > /tmp/x'",
        "$ docker exec -i db sh",
        "$ docker attach db");
  }

  @Test
  void buildShowsTagsFileTargetArgsAndContextRelativeToThePipeline() {
    engine.build(new BuildSpec(BASE.resolve("app"), "docker/Dockerfile.dev", List.of("app:1", "slipway-run/abcd1234:1"),
        "test", Map.of("B", "2", "A", "x y"), Map.of(), true, true), OutputSink.NONE);
    engine.build(new BuildSpec(BASE, "Dockerfile", List.of("web:latest"), null, Map.of(), Map.of("k", "v"), false,
        false), OutputSink.NONE);
    engine.build(new BuildSpec(Path.of("/elsewhere/ctx"), "Dockerfile", List.of("x:1"), null, Map.of(), Map.of(),
        false, false), OutputSink.NONE);
    assertThat(lines()).containsExactly(
        "$ docker build -t app:1 -f app/docker/Dockerfile.dev --target test --build-arg 'A=x y' --build-arg B=2"
            + " --no-cache --pull app",
        "$ docker build -t web:latest --label k=v .",
        "$ docker build -t x:1 /elsewhere/ctx");
  }

  @Test
  void registryOperationsLogInWithoutShowingThePassword() {
    var auth = new RegistryAuth("localhost:5000", "ci", "s3cret");
    engine.tag("app:1", "localhost:5000/app:1");
    engine.push("localhost:5000/app:1", auth, OutputSink.NONE);
    engine.pull("localhost:5000/app:1", null, OutputSink.NONE);
    engine.removeImage("localhost:5000/app:1", false);
    engine.removeImage("app:1", true);
    assertThat(lines()).containsExactly(
        "$ docker tag app:1 localhost:5000/app:1",
        "$ docker login --username ci --password-stdin localhost:5000",
        "$ docker push localhost:5000/app:1",
        "$ docker pull localhost:5000/app:1",
        "$ docker rmi localhost:5000/app:1",
        "$ docker rmi -f app:1");
    assertThat(String.join("\n", log)).doesNotContain("s3cret");
  }

  @Test
  void holdReferencesAreSlipwaysBookkeepingAndNotExplained() {
    engine.tag("app:1", "slipway-run/abcd1234:1");
    engine.removeImage("slipway-run/abcd1234:1", false);
    assertThat(lines()).isEmpty();
    assertThat(log).containsExactly("> tag", "> removeImage");
  }

  @Test
  void filesLogsAndLifecycleOperations() {
    String id = engine.createContainer(container("db").build());
    engine.startContainer(id);
    log.clear();
    engine.copyTo(id, "/etc", new ByteArrayInputStream(new byte[0]));
    engine.copyFrom(id, "/etc/hosts");
    engine.exportContainer(id, new ByteArrayOutputStream());
    engine.logs(id, 20);
    engine.logs(id, -1);
    engine.followLogs(id, 0, OutputSink.NONE, () -> {});
    engine.killContainer(id, "TERM");
    engine.killContainer(id, "KILL");
    engine.waitContainer(id, Duration.ofSeconds(5));
    engine.startContainer(id);
    engine.saveImages(List.of("app:1", "slipway-run/abcd1234:2"), new ByteArrayOutputStream());
    engine.loadImages(new ByteArrayInputStream(new byte[0]));
    engine.importImage(new ByteArrayInputStream(new byte[0]), "rootfs:1");
    assertThat(lines()).containsExactly(
        "$ docker cp - db:/etc", "$ docker cp db:/etc/hosts -", "$ docker export db",
        "$ docker logs --tail 20 db", "$ docker logs db", "$ docker logs -f --tail 0 db",
        "$ docker kill -s TERM db", "$ docker kill db", "$ docker wait db", "$ docker start db",
        "$ docker save app:1", "$ docker load", "$ docker import - rootfs:1");
  }

  @Test
  void networkAndVolumeOptions() {
    engine.createNetwork(new NetworkSpec(RUN.scoped("back"), "overlay", Map.of(RunLabels.RUN, "run-42", "tier", "b"),
        true, true, Map.of("com.docker.network.bridge.name", "br0"),
        new NetworkSpec.Ipam(null, List.of(new NetworkSpec.Pool("172.28.0.0/16", null, "172.28.0.1", Map.of())),
            Map.of()), true));
    engine.createVolume(new VolumeSpec(RUN.scoped("cache"), RUN.labels(), "local", Map.of("type", "tmpfs")));
    engine.removeVolume(RUN.scoped("cache"));
    assertThat(lines()).containsExactly(
        "$ docker network create --driver overlay --internal --attachable --ipv6 --subnet 172.28.0.0/16"
            + " --gateway 172.28.0.1 -o com.docker.network.bridge.name=br0 --label tier=b back",
        "$ docker volume create -o type=tmpfs cache",
        "$ docker volume rm cache");
  }

  @Test
  void queriesAreNotExplained() {
    engine.ping();
    engine.inspectContainer("x");
    engine.inspectImage("x");
    engine.inspectNetwork("x");
    engine.listContainers(Map.of());
    engine.listImages(Map.of());
    engine.listNetworks(Map.of());
    engine.listVolumes(Map.of());
    assertThat(lines()).isEmpty();
    assertThat(log).hasSize(8);
  }

  @Test
  void disabledItOnlyPassesThroughButStillLearnsNames() {
    engine.enabled(false);
    String net = network("books");
    String id = engine.createContainer(container("db").network(RUN.scoped("books")).build());
    assertThat(lines()).isEmpty();
    engine.enabled(true);
    engine.startContainer(id);
    engine.removeNetwork(net);
    assertThat(lines()).containsExactly(
        "$ docker run -d --name db --network books slipway-test/busybox:latest", "$ docker network rm books");
    assertThat(log).contains("> createNetwork", "> createContainer", "> startContainer", "> removeNetwork");
  }

  @Test
  void namesItNeverSawArePlainOrShortenedIds() {
    String longId = "0123456789abcdef".repeat(4);
    engine.removeContainer(longId, false);
    engine.removeContainer("someone-else", false);
    assertThat(lines()).containsExactly("$ docker rm 0123456789ab", "$ docker rm someone-else");
  }

  @Test
  void globalFlagsNameARemoteEngine() {
    engine = new ExplainingEngine(RecordingEngine.into(log), BASE, log::add,
        List.of("-H", "tcp://127.0.0.1:23760", "--tlsverify"));
    engine.enabled(true);
    engine.pull("busybox", null, OutputSink.NONE);
    assertThat(lines()).containsExactly("$ docker -H tcp://127.0.0.1:23760 --tlsverify pull busybox");
  }

  @Test
  void toEventsEmitsRunLevelInfoLogs() {
    List<Event> events = new ArrayList<>();
    engine = new ExplainingEngine(RecordingEngine.into(log), BASE, ExplainingEngine.toEvents(events::add));
    engine.enabled(true);
    engine.pull("busybox", null, OutputSink.NONE);
    assertThat(events).singleElement().isInstanceOfSatisfying(Event.Log.class, l -> {
      assertThat(l.line()).isEqualTo("$ docker pull busybox");
      assertThat(l.stream()).isEqualTo(Event.Stream.INFO);
      assertThat(l.stage()).isNull();
    });
  }

  @Test
  void shellQuotingAndDurations() {
    assertThat(ShellWords.join(List.of("a", "", "b c", "it's", "x=1,y:2/z@%+.-_")))
        .isEqualTo("a '' 'b c' 'it'\\''s' x=1,y:2/z@%+.-_");
    assertThat(Durations.go(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Durations.go(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.go(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Durations.go(Duration.ofHours(1))).isEqualTo("1h");
  }

  @Test
  void oneSwitchReachesEveryEngineOfASessionAndTheBaseFollowsLoad() {
    List<String> out = new ArrayList<>();
    var explanations = new Explanations(out::add, BASE);
    var factory = explanations.wrap(() -> RecordingEngine.into(log));
    var first = factory.get();
    var second = factory.get();
    first.pull("a", null, OutputSink.NONE);
    explanations.enabled(true);
    first.pull("b", null, OutputSink.NONE);
    second.pull("c", null, OutputSink.NONE);
    explanations.base(BASE.resolve("app"));
    second.build(new BuildSpec(BASE.resolve("app"), "Dockerfile", List.of("x:1"), null, Map.of(), Map.of(), false,
        false), OutputSink.NONE);
    explanations.enabled(false);
    second.pull("d", null, OutputSink.NONE);
    assertThat(out).containsExactly("$ docker pull b", "$ docker pull c", "$ docker build -t x:1 .");
    assertThat(first).isInstanceOf(ExplainingEngine.class);
  }

  @Test
  void anotherEngineOfTheSessionIsNamedWithItsAddressAndTlsFilesThroughTheSameSwitch() {
    List<String> out = new ArrayList<>();
    var explanations = new Explanations(out::add, BASE);
    var remote = explanations.decorate(RecordingEngine.into(log), "tcp://127.0.0.1:23760",
        new TlsFiles(BASE.resolve("certs/ca.pem"), BASE.resolve("certs/cert.pem"), Path.of("/etc/k.pem")));
    var plain = explanations.decorate(RecordingEngine.into(log), "tcp://build:2375", null);
    remote.pull("a", null, OutputSink.NONE);
    explanations.enabled(true);
    remote.pull("b", null, OutputSink.NONE);
    plain.pull("c", null, OutputSink.NONE);
    assertThat(out).containsExactly("$ docker -H tcp://127.0.0.1:23760 --tlsverify --tlscacert certs/ca.pem "
        + "--tlscert certs/cert.pem --tlskey /etc/k.pem pull b", "$ docker -H tcp://build:2375 pull c");
    assertThat(ExplainingEngine.engineFlags("tcp://h:1", new TlsFiles(BASE.resolve("ca"), BASE.resolve("c"),
        BASE.resolve("k")), null)).containsExactly("-H", "tcp://h:1", "--tlsverify", "--tlscacert",
        BASE.resolve("ca").toString(), "--tlscert", BASE.resolve("c").toString(), "--tlskey",
        BASE.resolve("k").toString());
  }

  @Test
  void swarmServicesGoToTheDecoratedEngine() {
    engine.enabled(true);
    engine.swarm();
    assertThat(log).as("forwarded (a stack deploy in the REPL), not explained").containsExactly("> swarm");
  }

  @Test
  void imagesPassedByIdAreShownByThePipelinesReference() {
    String id = "sha256:" + "ab12".repeat(16);
    String pulled = "sha256:" + "cd34".repeat(16);
    String unknown = "sha256:" + "ef56".repeat(16);
    engine = new ExplainingEngine(RecordingImages.of(RecordingEngine.into(log), Map.of(
        "slipway-run/abcd1234:1", id, "localhost:5000/db:1", pulled)), BASE, log::add);
    engine.enabled(true);
    engine.build(new BuildSpec(BASE, "Dockerfile", List.of("slipway-run/abcd1234:1"), null, Map.of(), Map.of(),
        false, false), OutputSink.NONE);
    engine.tag(id, "books-ms:1");
    engine.inspectImage("localhost:5000/db:1");
    engine.startContainer(engine.createContainer(ContainerSpec.builder(id).name(RUN.scoped("web"))
        .labels(RUN.labels()).build()));
    engine.startContainer(engine.createContainer(ContainerSpec.builder(pulled).name(RUN.scoped("db"))
        .labels(RUN.labels()).build()));
    engine.startContainer(engine.createContainer(ContainerSpec.builder(unknown).name(RUN.scoped("x"))
        .labels(RUN.labels()).build()));
    engine.removeImage(id, false);
    assertThat(lines()).containsExactly(
        "$ docker build .",
        "$ docker tag ab12ab12ab12 books-ms:1",
        "$ docker run -d --name web books-ms:1",
        "$ docker run -d --name db localhost:5000/db:1",
        "$ docker run -d --name x ef56ef56ef56",
        "$ docker rmi books-ms:1");
  }
}
