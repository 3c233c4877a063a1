package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker builtins against the in-memory engine: what a pipeline asks of Docker, in order. */
class FakeEnginePipelineTest {
  @Test
  void namesLabelsAliasesAgentsAndCleanupOrder(@TempDir Path dir) throws Exception {
    var fake = new FakeContainerEngine()
        .onExec(List.of("sh", "-c", "mongo --eval 1"), 0, "1\n")
        .onStart("tests", 0, "all green\n")
        .onExec(List.of("/bin/sh", "-c", "make"), 2, "make: *** failed\n");
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("fake") {
            agent(image = "ci")
            stage("s") {
                val net = network("books")
                val db = start(image = "mongo", name = "books-db", network = net)
                echo("mongo says " + db.exec("mongo --eval 1").stdout.trim())
                echo(run(image = "tests", command = "run").stdout.trim())
                assert(sh("make", check = false).exitCode == 2)
            }
        }
        """);
    var slipway = new Slipway(Stdlib.registry());
    List<Event> events = new ArrayList<>();
    var result = slipway.run(slipway.check(dir.resolve("Slipfile")), RunOptions.defaults()
        .withEvents(events::add).withEngineFactory(() -> fake).withEnvironment(Map.of()));
    assertThat(result.exitCode()).as(String.valueOf(result.error())).isZero();
    List<String> log = fake.log();
    String all = String.join("\n", log);
    assertThat(all).containsPattern("create network fake-\\d+ labels=\\{io.slipway.managed=true, io.slipway.pipeline=fake, io.slipway.stage=s}")
        .containsPattern("create container fake-\\d+ image=mongo network=books-[0-9a-f]{8} aliases=\\[books-db]")
        .contains("pull ci", "pull mongo", "pull tests")
        .contains("exec fake-", "[/bin/sh, -c, make]");
    // the run's cleanup removes containers before the network they joined
    int lastContainerRemoval = -1;
    int networkRemoval = -1;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).startsWith("remove container")) {
        lastContainerRemoval = i;
      }
      if (log.get(i).startsWith("remove network")) {
        networkRemoval = i;
      }
    }
    assertThat(networkRemoval).isGreaterThan(lastContainerRemoval).isPositive();
    assertThat(fake.listContainers(Map.of("io.slipway.pipeline", "fake"))).isEmpty();
    assertThat(events).filteredOn(e -> e instanceof Event.Log).extracting(e -> ((Event.Log) e).line())
        .contains("mongo says 1", "all green", "make: *** failed");
  }

  @Test
  void stepDescriptionsShowValuesNotObjectText(@TempDir Path dir) throws Exception {
    var fake = new FakeContainerEngine().onStart("books-ms-tests:slipway-books-ms-1", 0, "ok\n");
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("books-ms") {
            stage("s") {
                val tests = build(tag = "books-ms-tests:${build.tag}")
                run(image = tests, command = listOf("sh", "-c", "run tests"))
                val db = start(image = image("busybox"), name = "db")
                db.exec(listOf("true"))
                tests.tag("books-ms-tests:latest")
            }
        }
        """);
    Files.writeString(dir.resolve("Dockerfile"), "FROM busybox\n");
    var slipway = new Slipway(Stdlib.registry());
    List<Event> events = new ArrayList<>();
    var result = slipway.run(slipway.check(dir.resolve("Slipfile")), RunOptions.defaults()
        .withEvents(events::add).withEngineFactory(() -> fake).withEnvironment(Map.of()));
    assertThat(result.exitCode()).as(String.valueOf(result.error())).isZero();
    assertThat(events).filteredOn(e -> e instanceof Event.StepStarted)
        .extracting(e -> ((Event.StepStarted) e).description())
        .containsExactly("build .", "run books-ms-tests:slipway-books-ms-1",
            "start busybox", "exec db true", "tag books-ms-tests:slipway-books-ms-1 books-ms-tests:latest");
  }
}
