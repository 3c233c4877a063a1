package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping, starting, restarting, renaming and keeping containers, against the real engine. */
class ContainerLifecycleIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void aStopThatWaitsForSigkillSaysWhy(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("stop") {
            stage("s") {
                val stubborn = start(image = "%1$s", name = "stubborn", command = listOf("sleep", "600"))
                stubborn.stop(timeout = 2.seconds)
                val polite = start(image = "%1$s", name = "polite", command = listOf("sleep", "600"), init = true)
                polite.stop(timeout = 2.seconds)
                echo("stopped: ${stubborn.running} ${polite.running}")
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("stopped: false false", "container `stubborn` ignored SIGTERM: it was"
        + " killed after waiting the whole stop timeout of 2s").doesNotContain("`polite` ignored");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void renameStartRestartAndKeep(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("lifecycle") {
            stage("s") {
                val net = network("life")
                val c = start(image = "%1$s", name = "first", network = net, init = true,
                              command = listOf("sleep", "600"))
                val probe = start(image = "%1$s", name = "probe", network = net, init = true,
                                  command = listOf("sleep", "600"))
                c.stop(timeout = 2.seconds)
                val same = c.rename("second")
                echo("renamed: ${c.name} ${same.name} ${c.running}")
                c.start()
                echo("started: ${c.running}")
                echo("dns: " + probe.exec("ping -c 1 -W 2 second >/dev/null && echo -n second-ok").stdout)
                c.restart(timeout = 2.seconds)
                echo("restarted: ${c.running}")
                val kept = start(image = "%1$s", name = "kept", init = true, command = listOf("sleep", "600"))
                kept.keep()
                writeFile("kept-id", kept.id)
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("renamed: second second false", "started: true",
        "dns: second-ok", "restarted: true");
    String keptId = java.nio.file.Files.readString(dir.resolve("kept-id")).strip();
    try (var e = io.slipway.engine.docker.DockerJavaEngine.connect()) {
      assertThat(e.inspectContainer(keptId)).as("kept after the run").isPresent();
      // the run's journal names it: gc leaves it alone even though its run is over
      Path journals = io.slipway.engine.RunJournal.defaultDirectory(System.getenv());
      var journal = io.slipway.engine.JournalFile.read(
          journals.resolve(run.runId.replaceAll("[^A-Za-z0-9_.-]", "_") + ".journal"));
      assertThat(journal.keptContainers(e.address())).containsExactly(keptId);
      new io.slipway.engine.GarbageCollector(e).collect(false);
      assertThat(e.inspectContainer(keptId)).as("gc keeps a kept container").isPresent();
      e.removeContainer(keptId, true);
      java.nio.file.Files.deleteIfExists(journal.path());
    }
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }
}
