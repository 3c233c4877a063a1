package io.slipway.compose.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.slipway.compose.load.ComposeLoader;
import io.slipway.compose.load.ConfigWriter;
import io.slipway.compose.model.ComposeProject;
import io.slipway.compose.up.Lifecycle;
import io.slipway.compose.up.Listener;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.engine.OutputSink;
import io.slipway.engine.docker.RealEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Conformance with docker-compose 1.29.2 (issue 9 item 4): for every file of the corpus, the
 * {@code config} outputs are equal as parsed YAML, and the containers that
 * {@code docker-compose up} and Slipway's {@code up} create are equal field by field in
 * {@code docker inspect}; except for the deliberate {@link Divergences}. Each tool's project is
 * taken down by docker-compose itself ({@code down -v}), which checks that it recognizes
 * Slipway's containers, networks and volumes as its own.
 *
 * <p>The cases run {@link #CASES_AT_ONCE} at a time (each on its own project names, and within one
 * case the reference's run and Slipway's one after the other, as they share host ports and names);
 * every case and aspect is still its own test, failing with the message its check gave.
 */
class ConformanceIT {
  @RegisterExtension
  static final RealEngine ENGINE = new RealEngine();

  private static final String RUN = Long.toHexString(System.nanoTime() & 0xfffffff);
  private static final List<String> IMAGES = List.of("mysql", "wordpress", "mongo", "books-ms", "sqlite", "socat", "echo");

  /** How many corpus cases run at once ({@code -Dconformance.parallel}; 1 runs them one by one). */
  static final int CASES_AT_ONCE = Math.max(1, Integer.getInteger("conformance.parallel", 4));

  @TempDir
  static Path scratch;

  /** Runs the cases' checks; created once the shared images are built, drained before they go. */
  private static ExecutorService cases;

  @BeforeAll
  static void referenceAndImages() {
    Cli.Out v = Cli.run(null, Map.of(), List.of("docker-compose", "version", "--short"));
    assertThat(v.exit()).as("docker-compose 1.29.2 is needed (scripts/setup.d/50-compose.sh installs it): %s", v.stderr())
        .isZero();
    assertThat(v.stdout().strip()).as("the reference implementation's version").isEqualTo("1.29.2");
    for (String image : IMAGES) {
      Cli.ok(null, Map.of(), "docker", "build", "-q", "-t", "slipway-conformance/" + image + ":latest",
          Corpus.ROOT.resolve("_images").resolve(image).toString());
      Cli.ok(null, Map.of(), "docker", "tag", "slipway-conformance/" + image + ":latest", inUse(image));
    }
    cases = Executors.newFixedThreadPool(CASES_AT_ONCE, Thread.ofPlatform().daemon().name("conformance-case-", 0).factory());
  }

  @AfterAll
  static void removeImages() throws InterruptedException {
    if (cases != null) {
      cases.shutdown(); // a case still running (its test not reached) finishes before the images go
      if (!cases.awaitTermination(30, TimeUnit.MINUTES)) {
        cases.shutdownNow();
      }
    }
    for (String image : IMAGES) {
      Cli.run(null, Map.of(), List.of("docker", "rmi", inUse(image)));
      boolean othersRunning = Cli.run(null, Map.of(), List.of("docker", "images", "--format", "{{.Tag}}",
          "slipway-conformance/" + image)).stdout().lines().anyMatch(t -> t.startsWith("in-use-"));
      if (!othersRunning) {
        Cli.run(null, Map.of(), List.of("docker", "rmi", "slipway-conformance/" + image + ":latest"));
      }
    }
  }

  /**
   * The tag that says this run uses the stand-in {@code image}: a run removes the shared
   * {@code :latest} only when no other run (another build's ConformanceIT on the same engine) still
   * holds such a tag, else that run's next {@code up} would find its image gone.
   */
  private static String inUse(String image) {
    return "slipway-conformance/" + image + ":in-use-" + RUN;
  }

  @Test
  void theCorpusHasAtLeastTwentyFiles() {
    assertThat(Corpus.all()).hasSizeGreaterThanOrEqualTo(20);
  }

  /**
   * Every case's checks are started at once on {@link #cases} (the long {@code up}s first, the
   * short {@code config} and {@code stack} checks fill the gaps); each test waits for its own.
   */
  @TestFactory
  Stream<DynamicNode> corpus() {
    List<String> names = Corpus.names();
    Map<String, Future<?>> ups = new HashMap<>();
    Map<String, Future<?>> configs = new HashMap<>();
    Map<String, Future<?>> stacks = new HashMap<>();
    names.forEach(name -> ups.put(name, cases.submit(() -> {
      up(name);
      return null;
    })));
    names.forEach(name -> configs.put(name, cases.submit(() -> config(name), null)));
    names.forEach(name -> stacks.put(name, cases.submit(() -> stack(name), null)));
    return names.stream().map(name -> org.junit.jupiter.api.DynamicContainer.dynamicContainer(name, Stream.of(
        DynamicTest.dynamicTest("config", () -> outcome(configs.get(name))),
        DynamicTest.dynamicTest("stack", () -> outcome(stacks.get(name))),
        DynamicTest.dynamicTest("up", () -> outcome(ups.get(name))))));
  }

  /** Waits for a check; what it threw (an assertion's message, an exception) is this test's failure. */
  private static void outcome(Future<?> check) throws Throwable {
    try {
      check.get(30, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  private static Map<String, String> common() {
    return Map.of("RUN_ID", RUN);
  }

  private static ComposeProject load(Corpus.Case c, String project) {
    Map<String, String> processEnv = new HashMap<>(System.getenv());
    processEnv.putAll(c.env());
    var r = ComposeLoader.load(new ComposeLoader.Options(c.paths(), Map.of(), processEnv, project, c.dir()));
    assertThat(r.errors()).as(new DiagnosticRenderer(false).render(r.diagnostics())).isEmpty();
    return r.project();
  }

  private void config(String name) {
    Corpus.Case c = Corpus.load(name, scratch.resolve("config"), common());
    String reference = Cli.run(c.dir(), c.env(), Cli.compose(c.files(), null, "config")).ok(List.of("config")).stdout();
    String ours = ConfigWriter.render(load(c, null));
    Map<String, Object> a = Divergences.config(new Yaml().load(reference));
    Map<String, Object> b = Divergences.config(new Yaml().load(ours));
    assertThat(Diff.of(a, b)).as("config of %s differs from docker-compose's:\n%s\n--- Slipway:\n%s", name, reference, ours)
        .isEmpty();
  }

  /**
   * Files {@code docker stack deploy} cannot take whatever the tool writes, with why; every other
   * case's {@code config()} must pass {@code docker stack config} (the CLI's loader and schema,
   * as {@code stack deploy} uses them, no swarm needed).
   */
  static final Map<String, String> NOT_FOR_STACK = Map.of(
      "02", "format 2: stack deploy reads 3.x files only",
      "11", "format 2.4", "18", "format 2.4", "19", "format 2.4", "20", "format 2.4", "23", "format 2.4", "26", "format 2.4",
      "09", "depends_on conditions need the mapping form, which the 20.10 CLI rejects (\"must be a list\")",
      "13", "`init` in a 3.4 file: docker-compose 1.29 reads every version with one schema, the CLI's 3.4 schema has no `init`",
      "24", "`profiles`: not in the 20.10 CLI's schema");

  private void stack(String name) {
    Corpus.Case c = Corpus.load(name, scratch.resolve("stack"), common());
    try {
      Path file = c.dir().resolve("slipway-config.yml");
      Files.writeString(file, ConfigWriter.render(load(c, null)));
      Cli.Out out = Cli.run(c.dir(), c.env(), List.of("docker", "stack", "config", "-c", file.toString()));
      String why = NOT_FOR_STACK.get(name.substring(0, 2));
      if (why == null) {
        assertThat(out.exit()).as("docker stack config rejects Slipway's config of %s: %s", name, out.stderr()).isZero();
      } else {
        assertThat(out.exit()).as("%s is listed as not for stack deploy (%s) but docker stack config took it", name, why)
            .isNotZero();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void up(String name) throws Exception {
    String number = name.substring(0, 2);
    String dc = "sc" + RUN + "d" + number;
    String sw = "sc" + RUN + "s" + number;
    Corpus.Case c = Corpus.load(name, scratch.resolve("up"), common());
    List<String> tagged = load(c, dc).services().values().stream()
        .filter(s -> s.build() != null && s.image() != null).map(s -> s.image()).toList();
    Map<String, Map<String, Object>> reference;
    try {
      Cli.run(c.dir(), c.env(), Cli.compose(c.files(), dc, "up", "-d")).ok(List.of("docker-compose up of " + name));
      reference = inspect(dc);
    } finally {
      takeDown(c, dc, tagged);
    }
    Map<String, Map<String, Object>> ours;
    try {
      Lifecycle l = new Lifecycle(ENGINE.get(), load(c, sw), Map.of(), Listener.NONE, OutputSink.NONE);
      l.up(List.of(), Duration.ofMinutes(2));
      ours = inspect(sw);
    } finally {
      takeDown(c, sw, tagged);
    }
    assertThat(ours.keySet()).as("containers of %s", name).containsExactlyElementsOf(reference.keySet());
    Map<String, Object> diffs = new LinkedHashMap<>();
    for (String container : reference.keySet()) {
      List<String> d = Diff.of(reference.get(container), ours.get(container));
      if (!d.isEmpty()) {
        diffs.put(container, d);
      }
    }
    assertThat(diffs).as("containers of %s differ from docker-compose's", name).isEmpty();
  }

  /**
   * {@code docker-compose down -v} of either tool's project, then nothing of it may be left. The
   * images the case builds under a name of its own ({@code tagged}; {@code --rmi local} keeps
   * those) are removed by name, so the next tool builds them again and no other case's go.
   */
  private static void takeDown(Corpus.Case c, String project, List<String> tagged) {
    Cli.Out down = Cli.run(c.dir(), c.env(), Cli.compose(c.files(), project, "down", "-v", "-t", "0", "--rmi", "local",
        "--remove-orphans"));
    for (String image : tagged) {
      Cli.run(null, Map.of(), List.of("docker", "rmi", "-f", image));
    }
    assertThat(down.exit()).as("docker-compose down of %s: %s", project, down.stderr()).isZero();
    String label = "label=com.docker.compose.project=" + project;
    assertThat(Cli.containers("com.docker.compose.project", project)).as("containers left by %s", project).isEmpty();
    assertThat(Cli.ok(null, Map.of(), "docker", "network", "ls", "-q", "--filter", label).stdout()).isBlank();
    assertThat(Cli.ok(null, Map.of(), "docker", "volume", "ls", "-q", "--filter", label).stdout()).isBlank();
  }

  /** The project's containers by name (the project written {@code <project>}), as {@link ContainerView}s. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> inspect(String project) throws Exception {
    List<String> ids = Cli.containers("com.docker.compose.project", project);
    Map<String, Map<String, Object>> out = new TreeMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    List<String> cmd = new java.util.ArrayList<>(List.of("docker", "inspect"));
    cmd.addAll(ids);
    List<Map<String, Object>> all = new ObjectMapper().readValue(Cli.run(null, Map.of(), cmd).ok(cmd).stdout(), List.class);
    Map<String, String> names = new HashMap<>();
    all.forEach(i -> names.put((String) i.get("Id"), ((String) i.get("Name")).substring(1)));
    for (Map<String, Object> i : all) {
      Map<String, Object> view = ContainerView.of(i, project, names);
      out.put((String) view.get("Name"), view);
    }
    return out;
  }
}
