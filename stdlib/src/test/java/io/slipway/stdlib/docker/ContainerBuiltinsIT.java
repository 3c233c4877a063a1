package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start / run / service / Container members / readiness, through real pipelines. */
class ContainerBuiltinsIT {
  @BeforeAll
  static void engine() {
    PipelineRun.requireEngine();
  }

  @Test
  void servicesOnANetworkReachEachOtherByName(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "hello from httpd");
    var run = PipelineRun.run(dir, """
        val base = "%s"
        pipeline("net") {
            stage("up") {
                val net = network("books")
                val web = start(image = base, name = "books-web", network = net,
                                command = listOf("httpd", "-f", "-p", "8080", "-h", "/www"),
                                volumes = listOf("www" to "/www"),
                                healthcheck = tcp(8080), waitFor = healthy(timeout = 30.seconds))
                start(image = image(base), name = "books-log", network = net,
                      command = "echo starting; sleep 1; echo READY now; sleep 60",
                      waitFor = log("READY"))
                start(image = base, name = "books-api", network = net,
                      command = listOf("httpd", "-f", "-p", "8081", "-h", "/www"), volumes = listOf("www" to "/www"),
                      waitFor = http(8081, "/index.html", timeout = 20.seconds))
                val client = start(image = base, name = "client", network = net, command = listOf("sleep", "60"))
                val r = client.exec("wget -q -O - http://books-web:8080/index.html")
                assert(client.exec("wget -q -O - http://books-api:8081/index.html").stdout == "hello from httpd")
                echo("got: ${r.stdout.trim()}")
                val ip = web.ip()
                assert(ip.contains("."), "ip")
                echo("name=${web.name}")
                assert(client.sh("exit 4", check = false).exitCode == 4)
                client.copyTo("www", "/tmp")
                assert(client.exec(listOf("cat", "/tmp/www/index.html")).stdout == "hello from httpd")
                client.copyFrom("/tmp/www/index.html", "out/copied.html")
                assert(web.inspect()["running"].asBool())
                echo(web.logs(tail = 5))
                assert(client.canReach(web), "ping by network")
                assert(client.canReach(web, port = 8080), "tcp port open")
                assert(!client.canReach(web, port = 9), "tcp port closed")
                val loner = start(image = base, command = listOf("sleep", "60"))
                assert(!loner.canReach(web), "no shared network")
                client.kill()
                assert(client.wait(10.seconds) == 137)
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("got: hello from httpd", "name=books-web");
    assertThat(dir.resolve("out/copied.html")).hasContent("hello from httpd");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void runIsOneOffAndChecksTheExitCode(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("oneoff") {
            stage("t") {
                val ok = run(image = "%1$s", command = "echo out; echo err >&2")
                assert(ok.stdout == "out\\n", "stdout")
                assert(ok.stderr == "err\\n", "stderr")
                val bad = run(image = "%1$s", command = listOf("sh", "-c", "exit 5"), check = false)
                assert(bad.exitCode == 5)
                try {
                    run(image = "%1$s", command = "echo dying; exit 2", env = mapOf("A" to "b"))
                } catch (e: StepFailed) {
                    echo("caught: ${e.message} code=${e.result.exitCode}")
                }
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    assertThat(run.log()).contains("dying").containsPattern("caught: .*exited with code 2 code=2");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void aFailedWaitReportsExitStateAndLastLines(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("wait") {
            stage("db") {
                start(image = "%s", name = "db", command = "echo boot failed: no config; exit 3",
                      waitFor = tcp(5432, timeout = 20.seconds))
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).isNotZero();
    assertThat(run.result.error()).contains("container `db` exited before it was ready (tcp(5432))",
        "exited with code 3", "boot failed: no config");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
  }

  @Test
  void aServiceIsRemovedWhenItsStageEnds(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("svc") {
            stage("one") {
                val db = service("db", image = "%s", command = listOf("sleep", "60"))
                writeFile("id.txt", db.id)
            }
            stage("two") {
                sleep(500.ms)
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat(run.result.exitCode()).as(run.toString()).isZero();
    String id = Files.readString(dir.resolve("id.txt")).trim();
    var removed = run.events.stream().filter(e -> e instanceof io.slipway.run.Event.Resource r
        && r.action().equals("removed") && r.id().equals(id)).findFirst();
    assertThat(removed).isPresent();
    assertThat(((io.slipway.run.Event.Resource) removed.get()).stage()).isEqualTo("one");
    assertThat(((io.slipway.run.Event.Resource) removed.get()).kind()).isEqualTo("container");
    int removedAt = run.events.indexOf(removed.get());
    int twoStarts = run.events.indexOf(run.events.stream().filter(e -> e instanceof io.slipway.run.Event.StageStarted s
        && s.stage().equals("two")).findFirst().orElseThrow());
    assertThat(removedAt).isLessThan(twoStarts);
  }

  @Test
  void aStageTimeoutCutsExecAndRunShort(@TempDir Path dir) throws Exception {
    long start = System.nanoTime();
    var run = PipelineRun.run(dir, """
        pipeline("timeouts") {
            stage("exec") {
                options(timeout = 2.seconds)
                val c = start(image = "%1$s", command = listOf("sleep", "60"))
                c.exec("sleep 30")
            }
        }
        """.formatted(PipelineRun.IMAGE));
    var run2 = PipelineRun.run(dir, """
        pipeline("timeouts2") {
            stage("run") {
                options(timeout = 2.seconds)
                run(image = "%1$s", command = "sleep 30")
            }
        }
        """.formatted(PipelineRun.IMAGE));
    assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(20);
    assertThat(run.result.error()).as(run.toString()).contains("Timeout");
    assertThat(run2.result.error()).as(run2.toString()).contains("Timeout");
    assertThat(PipelineRun.leftovers(run.runId)).isEmpty();
    assertThat(PipelineRun.leftovers(run2.runId)).isEmpty();
  }

  @Test
  void anUnreachableEngineIsExitCodeThreeNamingTheAddress(@TempDir Path dir) throws Exception {
    var run = PipelineRun.run(dir, """
        pipeline("noengine") {
            stage("s") { start(image = "x") }
        }
        """, java.util.Map.of(), o -> o.withEngineFactory(
            () -> io.slipway.engine.docker.DockerJavaEngine.connect("unix:///tmp/none.sock", null)));
    assertThat(run.result.exitCode()).isEqualTo(3);
    assertThat(run.result.error()).contains("cannot reach the Docker engine at unix:///tmp/none.sock");
  }
}
