package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.engine.fake.FakeContainerEngine;
import io.slipway.run.Event;
import io.slipway.stdlib.Stdlib;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attempt of {@code retry} and of a stage's {@code options(retries = n)} starts clean:
 * what a failed attempt created is removed before the next one, so fixed names work again, and
 * each retry line says why the previous attempt failed.
 */
class RetryScopeTest {
  @TempDir Path dir;
  final FakeContainerEngine fake = new FakeContainerEngine();
  final List<Event> events = new CopyOnWriteArrayList<>();

  private RunResult run(String source) throws Exception {
    Files.writeString(dir.resolve("Slipfile"), source);
    var slipway = new Slipway(Stdlib.registry());
    var checked = slipway.check(dir.resolve("Slipfile"));
    assertThat(checked.diagnostics()).isEmpty();
    return slipway.run(checked, RunOptions.defaults().withEvents(events::add)
        .withEngineFactory(() -> fake).withEnvironment(Map.of()));
  }

  private List<String> logs() {
    return events.stream().filter(e -> e instanceof Event.Log).map(e -> ((Event.Log) e).line())
        .toList();
  }

  /** Index of the n-th (0-based) log entry of the fake engine starting with {@code prefix}. */
  private int nth(String prefix, int n) {
    List<String> log = fake.log();
    int seen = 0;
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).startsWith(prefix) && seen++ == n) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void retryBlockAttemptsStartCleanAndSayWhyTheyRetry() throws Exception {
    RunResult r = run("""
        var n = 0
        pipeline("fake") {
            stage("s") {
                val v = retry(3) {
                    n += 1
                    val net = network("books")
                    start(image = "mongo", name = "books-db", network = net)
                    volume("data")
                    if (n < 3) error("boom $n")
                    n
                }
                echo("value $v")
            }
        }
        """);
    assertThat(r.exitCode()).as(String.valueOf(r.error())).isZero();
    assertThat(logs()).contains(
        "attempt 1 of 3 failed: Error: boom 1; retrying now",
        "attempt 2 of 3 failed: Error: boom 2; retrying now",
        "value 3");
    // attempt 1's container and network are gone before attempt 2 creates its own
    assertThat(nth("remove container", 0)).isPositive().isLessThan(nth("create network", 1));
    assertThat(nth("remove network", 0)).isPositive().isLessThan(nth("create network", 1));
    assertThat(nth("remove volume", 0)).isPositive().isLessThan(nth("create volume", 1));
    assertThat(nth("create network", 2)).isPositive();
    assertThat(fake.listNetworks(Map.of("io.slipway.pipeline", "fake"))).isEmpty();
  }

  @Test
  void aFailedAttemptsServicesAndImageTagsAreRemovedBeforeTheNext() throws Exception {
    RunResult r = run("""
        var n = 0
        pipeline("fake") {
            stage("s") {
                retry(2) {
                    n += 1
                    pull("app:1").tag("app:attempt")
                    service("cache", image = "redis")
                    if (n < 2) error("boom")
                }
            }
        }
        """);
    assertThat(r.exitCode()).as(String.valueOf(r.error())).isZero();
    List<String> log = fake.log();
    List<Integer> tagged = new java.util.ArrayList<>();
    List<Integer> untagged = new java.util.ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).endsWith(" app:attempt")) {
        (log.get(i).startsWith("remove image") ? untagged : tagged).add(i);
      }
    }
    assertThat(tagged).as(String.join("\n", log)).hasSize(2);
    assertThat(untagged).as(String.join("\n", log)).isNotEmpty();
    assertThat(untagged.get(0)).as("attempt 1's tag is removed before attempt 2 tags again")
        .isLessThan(tagged.get(1));
    assertThat(nth("remove container", 0)).isPositive().isLessThan(nth("create container", 1));
  }

  @Test
  void successfulAttemptKeepsWhatItCreatedUntilTheRunEnds() throws Exception {
    RunResult r = run("""
        pipeline("fake") {
            stage("s") {
                val db = retry(2) { start(image = "mongo", name = "db") }
                assert(db.running, "the container of the successful attempt still runs")
            }
        }
        """);
    assertThat(r.exitCode()).as(String.valueOf(r.error())).isZero();
    assertThat(fake.log()).filteredOn(l -> l.startsWith("remove container")).hasSize(1);
  }

  @Test
  void lastFailureIsRaisedAndItsResourcesRemoved() throws Exception {
    RunResult r = run("""
        pipeline("fake") {
            stage("s") {
                retry(2) {
                    network("books")
                    error("still broken")
                }
            }
        }
        """);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.error()).contains("still broken").doesNotContain("already exists");
    assertThat(logs()).contains("attempt 1 of 2 failed: Error: still broken; retrying now");
    assertThat(fake.log()).filteredOn(l -> l.startsWith("remove network")).hasSize(2);
  }

  @Test
  void delayAndBackoffAreAnnounced() throws Exception {
    RunResult r = run("""
        var n = 0
        pipeline("fake") {
            stage("s") {
                retry(3, delay = 10.ms, backoff = 2.0) {
                    n += 1
                    if (n < 3) error("x$n")
                }
            }
        }
        """);
    assertThat(r.exitCode()).as(String.valueOf(r.error())).isZero();
    assertThat(logs()).contains("attempt 1 of 3 failed: Error: x1; retrying in 10ms",
        "attempt 2 of 3 failed: Error: x2; retrying in 20ms");
  }

  @Test
  void badArgumentsAreErrors() throws Exception {
    RunResult r = run("""
        pipeline("fake") {
            stage("s") { retry(2, backoff = 0.5) { echo("x") } }
        }
        """);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.error()).contains("retry backoff must be a finite number >= 1.0, got 0.5");
  }

  @Test
  void stageRetriesStartCleanAndSayWhy() throws Exception {
    RunResult r = run("""
        var n = 0
        pipeline("fake") {
            stage("s") {
                options(retries = 2)
                n += 1
                val net = network("books")
                start(image = "mongo", name = "books-db", network = net)
                if (n < 3) error("stage boom $n")
            }
        }
        """);
    assertThat(r.exitCode()).as(String.valueOf(r.error())).isZero();
    assertThat(logs()).contains(
        "attempt 1 of 3 of stage `s` failed: Error: stage boom 1; retrying",
        "attempt 2 of 3 of stage `s` failed: Error: stage boom 2; retrying");
    assertThat(nth("remove network", 0)).isPositive().isLessThan(nth("create network", 1));
  }
}
