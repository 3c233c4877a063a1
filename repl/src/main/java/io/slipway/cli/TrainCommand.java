package io.slipway.cli;

import io.slipway.diag.DiagnosticRenderer;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.ExecSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code slipway __train} (hidden): the workload the launcher records its class-data cache
 * from, after each build. It checks a bundled 200-line pipeline and a broken one, so the
 * classes of parsing, checking and diagnostic rendering are all in the cache; it runs a small
 * host-only pipeline (stages, a parallel group, a host {@code sh}) through the run views, so the
 * interpreter's and scheduler's classes are too; it loads, merges and renders two compose files
 * (snakeyaml and the compose model, which {@code compose(..)} and {@code slipway compose config}
 * load on every run). When a Docker engine
 * answers, it also pings it, lists (labelled, so: no) containers and asks for an image, a
 * container and an exec that do not exist, so the request and error paths of the client are
 * cached too. None of this creates anything on the engine.
 *
 * <p>{@code slipway __train repl} records the REPL's own cache: only the terminal REPL typed at
 * (and the session it builds), so that {@code slipway repl} does not load, at start, the
 * thousands of classes of Docker's client, JSON and YAML that a cache covering every command
 * holds (a JDK 25 AOT cache loads all its classes when the JVM starts).
 */
@Command(name = "__train", hidden = true)
final class TrainCommand implements Callable<Integer> {
  private final Cli cli;

  @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "repl")
  String only;

  TrainCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() throws IOException {
    Path dir = java.nio.file.Files.createTempDirectory("slipway-train");
    try {
      Path good = dir.resolve("Slipfile");
      try (InputStream in = TrainCommand.class.getResourceAsStream("training.slip")) {
        java.nio.file.Files.copy(in, good);
      }
      Path bad = dir.resolve("bad.slip");
      java.nio.file.Files.writeString(bad, "val x: Int = \"s\"\npipeline(\"p\") {\n"
          + "  stage(\"a\") { timeout(30) { sh(\"make\") }; echo(undefinedName) }\n}\n");
      if ("repl".equals(only)) {
        trainRepl(good, dir);
        return ExitCode.OK;
      }
      var slipway = Engines.slipway(cli);
      var renderer = new DiagnosticRenderer(false);
      for (Path p : new Path[] {good, bad}) {
        cli.out().print(renderer.render(slipway.check(p).diagnostics()));
      }
      cli.out().println(CheckCommand.summary(2, 0, 0));
      runHostPipeline(slipway, dir);
      trainRepl(good, dir);
      loadCompose(dir);
      try (var engine = Engines.docker().get()) {
        touchEngine(engine);
      } catch (RuntimeException noEngine) {
        // no engine here: the cache lacks only the classes of the replies
      }
      return ExitCode.OK;
    } finally {
      try (var walk = java.nio.file.Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(p);
        }
      }
    }
  }

  /** A run without containers (the engine factory must never be called), shown as plain and JSON. */
  private void runHostPipeline(io.slipway.api.Slipway slipway, Path dir) throws IOException {
    Path file = dir.resolve("run.slip");
    java.nio.file.Files.writeString(file, """
        pipeline("train") {
            stage("one") {
                sh("true")
                echo("one ${build.number}")
            }
            parallel {
                stage("a") { echo("a") }
                stage("b") { echo("b") }
            }
        }
        """);
    var options = io.slipway.api.RunOptions.defaults()
        .withEvents(new io.slipway.cli.view.RunModel().and(new io.slipway.cli.view.PlainView(cli.out()))
            .and(new io.slipway.cli.view.JsonView(cli.out())))
        .withEngineFactory(() -> {
          throw new IllegalStateException("the training pipeline needs no engine");
        });
    cli.out().println(slipway.run(slipway.check(file), options).status());
  }

  /** Two compose files merged, interpolated and rendered back (no engine involved). */
  private void loadCompose(Path dir) throws IOException {
    Path base = dir.resolve("docker-compose.yml");
    java.nio.file.Files.writeString(base, """
        version: "3.8"
        x-common: &common
          image: "busybox:${TAG:-1}"
          restart: unless-stopped
        services:
          db:
            <<: *common
            volumes: [data:/data]
            healthcheck: {test: ["CMD", "true"], interval: 1s, retries: 3}
          web:
            <<: *common
            depends_on: {db: {condition: service_healthy}}
            ports: ["8080:80", {target: 443, published: 8443}]
            environment: [A=1, "B=$$x"]
            networks: {front: {aliases: [www]}}
            deploy: {replicas: 2, resources: {limits: {cpus: "0.5", memory: 64M}}}
        networks: {front: {}}
        volumes: {data: {}}
        """);
    Path override = dir.resolve("docker-compose.override.yml");
    java.nio.file.Files.writeString(override, "services:\n  web:\n    command: [\"sh\", \"-c\", \"sleep 1\"]\n");
    var r = io.slipway.compose.load.ComposeLoader.load(new io.slipway.compose.load.ComposeLoader.Options(
        java.util.List.of(base, override), java.util.Map.of(), java.util.Map.of(), "train", dir));
    if (!r.failed()) {
      cli.out().print(io.slipway.compose.load.ConfigWriter.render(r.project()));
    }
  }

  /**
   * The terminal REPL, typed at: expressions, a definition continued over lines, completion,
   * {@code :type}, loading the training pipeline and listing its stages. No engine is needed
   * (a command that would reach one fails, and the training goes on without it).
   */
  private void trainRepl(Path pipeline, Path dir) {
    var quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    // built in the background as `slipway repl` builds it
    var session = io.slipway.cli.repl.PendingSession.start(() -> new io.slipway.repl.ReplSession(
        io.slipway.repl.ReplConfig.of(cli.warmup().registry()).withDir(dir)
            .withEvents(io.slipway.cli.repl.AbovePrompt.events(quiet))
            .withEngine(() -> {
              throw new io.slipway.engine.EngineUnavailable("(none)", "the REPL training needs no engine");
            })
            .withEnvironment(java.util.Map.of())));
    String keys = String.join("\r", "val xs = listOf(1, 2, 3)", "xs.map { it * 2 }.sum()",
        "fun twice(n: Int): Int {", "  return 2 *", "    n", "}", "twice(xs.si\t)", ":type xs",
        "\"${xs.size} items\"", ":load " + pipeline, ":stages", ":vars", ":help", ":quit") + "\r";
    try {
      io.slipway.cli.repl.TerminalRepl.train(session, keys, dir.resolve("history"));
    } catch (IOException | RuntimeException e) {
      // only the cache is poorer for it; the user's REPL does not depend on this
      session.close();
    }
  }

  /**
   * Read-only and failing calls: each answers "no such ..." and creates nothing. The container
   * reference is not a valid container name nor a hex id, so it can match none of the user's.
   */
  private static void touchEngine(ContainerEngine engine) {
    engine.listContainers(java.util.Map.of("io.slipway.train", "none"));
    String missing = "slipway-train.invalid/none:never";
    engine.inspectImage(missing);
    ignoreFailure(() -> engine.createContainer(ContainerSpec.builder(missing)
        .labels(java.util.Map.of("io.slipway.train", "none")).workdir("/workspace").build()));
    String noContainer = "slipway/train:none";
    ignoreFailure(() -> engine.execAttached(noContainer, ExecSpec.of(java.util.List.of("sh")),
        (stream, chunk) -> { }));
    ignoreFailure(() -> {
      engine.startContainer(noContainer);
      return null;
    });
    ignoreFailure(() -> {
      engine.removeContainer(noContainer, true);
      return null;
    });
  }

  private static void ignoreFailure(java.util.function.Supplier<?> call) {
    try {
      call.get();
    } catch (RuntimeException expected) {
      // "no such image/container": the error path is what is being recorded
    }
  }
}
