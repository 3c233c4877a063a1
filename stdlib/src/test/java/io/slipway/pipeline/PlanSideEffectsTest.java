package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway plan} evaluates the whole pipeline (top level, pipeline block, stage bodies,
 * post blocks) but never runs a command, sends a request or writes a file: such calls are
 * listed as operations with evaluated arguments, and what depends on their results is shown as
 * computed at run time, naming the call.
 */
class PlanSideEffectsTest {
  @TempDir Path dir;
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0);
    Thread.ofVirtual().start(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  @AfterEach
  void close() throws IOException {
    server.close();
  }

  private String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Test
  void noCommandNoRequestNoFileWriteAnywhere() throws Exception {
    var plan = TestRuns.plan(dir, """
        val sha = sh("touch top-marker && echo abc1234", quiet = true).stdout.trim()
        writeFile("top-written.txt", "x")
        val status = http.get("%1$s/top").status
        pipeline("app") {
            stage("build") {
                sh("touch stage-marker")
                http.post("%1$s/stage", body = "x")
                appendFile("appended.txt", "y")
                deleteFile("Slipfile")
            }
            post { always { sh("touch post-marker") } }
        }
        """.formatted(url()), Map.of());
    assertThat(plan.error()).isNull();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("Slipfile");
    }
    assertThat(connections.get()).isZero();
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          before the stages
            sh "touch top-marker && echo abc1234" quiet=true
            writeFile top-written.txt text=x
            http.get %1$s/top
          stage build
            sh "touch stage-marker"
            http.post %1$s/stage body=x
            appendFile appended.txt text=y
            deleteFile Slipfile
          post always
            sh "touch post-marker"
        """.formatted(url()));
  }

  @Test
  void valuesOnlyTheRunKnowsAreShownAsSuchAndTheRestStillPrints() throws Exception {
    var plan = TestRuns.plan(dir, """
        val sha = sh("git rev-parse HEAD", quiet = true).stdout.trim().take(7)
        pipeline("app") {
            stage("build-$sha") {
                build(tag = "app:$sha")
            }
            stage("deploy", needs = listOf("build-$sha"), onlyIf = sha.isNotEmpty()) {
                sh("deploy app:$sha")
            }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          before the stages
            sh "git rev-parse HEAD" quiet=true
          stage build-<computed at run time>
            docker build tag="app:<computed at run time>"
          stage deploy  (needs: <computed at run time>)  (onlyIf <computed at run time>)
            sh "deploy app:<computed at run time>"
        """);
  }

  @Test
  void evaluatedValuesInTheOrderTheOperationsHappen() throws Exception {
    var plan = TestRuns.plan(dir, """
        param registry = "localhost:5000"
        fun ref(tag: String = build.tag): String = "${params.registry}/app:$tag"
        pipeline("app") {
            stage("publish") {
                val app = image(ref())
                app.push()
                app.tag(ref("latest")).push()
            }
        }
        """, Map.of());
    assertThat(plan.render()).endsWith("""
          stage publish
            docker push localhost:5000/app:slipway-app-1
            docker tag localhost:5000/app:slipway-app-1 localhost:5000/app:latest
            docker push localhost:5000/app:latest
        """);
  }

  @Test
  void aConditionOnARunTimeValueNamesTheCallItDependsOn() throws Exception {
    var plan = TestRuns.plan(dir, """
        pipeline("app") {
            if (sh("test -f release", check = false).exitCode == 0) {
                stage("release") { sh("make release") }
            }
            stage("test") {
                val r = sh("make test", check = false)
                if (r.exitCode != 0) {
                    sh("make report")
                }
                sh("make clean")
            }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          before the stages
            sh "test -f release" check=false
          ? `if (sh("test -f release", check = false).exitCode == 0) { ... }` (line 2) \
        depends on `sh("test -f release", check = false)` (line 2), known only at run time
          stage test
            sh "make test" check=false
            ? `if (r.exitCode != 0) { ... }` (line 7) depends on \
        `sh("make test", check = false)` (line 6), known only at run time
            sh "make clean"
        """);
  }

  @Test
  void aLoopWaitingForARunTimeValueEnds() throws Exception {
    var plan = TestRuns.plan(dir, """
        pipeline("app") {
            stage("wait") {
                var ready = false
                while (!ready) {
                    ready = http.get("%s/ready").status == 200
                    sleep(1.seconds)
                }
                while (true) {
                    if (http.get("%1$s/health").ok) break
                }
                echo("ready: $ready")
                for (i in 1..3) { sh("echo $i") }
            }
        }
        """.formatted(url()), Map.of());
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          stage wait
            http.get %1$s/ready
            sleep 1s
            ? `while (!ready) { ... }` (line 4) depends on `http.get("%1$s/ready")` (line 5), \
        known only at run time
            http.get %1$s/health
            ? `while (true) { ... }` (line 8) depends on `http.get("%1$s/health")` (line 9), \
        known only at run time
            sh "echo 1"
            sh "echo 2"
            sh "echo 3"
        """.formatted(url()));
    assertThat(connections.get()).isZero();
  }

  @Test
  void aStageThatFailsWhateverTheRunDoesIsShownAndOthersStillPrint() throws Exception {
    var plan = TestRuns.plan(dir, """
        pipeline("app") {
            stage("a") {
                sh("make")
                error("not ready")
                sh("never")
            }
            stage("b") { sh("make b") }
        }
        """, Map.of());
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          stage a
            sh make
            ! fails (line 4): Error: not ready
          stage b
            sh "make b"
        """);
  }

  @Test
  void secretsNeedNotBeAvailableToPlanAndAreMasked() throws Exception {
    var plan = TestRuns.plan(dir, """
        pipeline("app") {
            stage("deploy") {
                http.get("https://example.org/", headers = mapOf("Authorization" to secret("PLAN_TEST_TOKEN_UNSET")))
            }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).contains(
        "http.get https://example.org/ headers={Authorization=****}");
  }

  @Test
  void dockerAtTheTopLevelIsPlannedNotRun() throws Exception {
    var plan = TestRuns.plan(dir, """
        val base = build(context = "base", tag = "base:1")
        pipeline("app") {
            agent(base)
            stage("s") { sh("make") }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          agent base:1
          before the stages
            docker build context=base tag=base:1
          stage s
            sh make
        """);
  }

  /** The block of a planned call runs too: what it does is listed under the call. */
  @Test
  void aLinksFaultsAreListedLikeTheOtherNetworkConditions() throws Exception {
    var plan = TestRuns.plan(dir, """
        pipeline("app") {
            stage("faults") {
                val net = network("sim")
                val web = start(image = "busybox", name = "web", network = net)
                val db = start(image = "busybox", name = "db", network = net)
                net.slow(web, delay = 100.ms, jitter = 10.ms)
                link(from = web, to = db, port = 5432) {
                    latency(200.ms, jitter = 20.ms); bandwidth(64.kbit); timeout(5.seconds)
                    resetPeer(after = 1.seconds); slowClose(50.ms); limitData(10.kb)
                }
                waitUntil(timeout = 5.seconds) { sh("nc -z db 5432", check = false).exitCode == 0 }
            }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline app
          stage faults
            docker network sim
            docker start busybox name=web network=sim
            docker start busybox name=db network=sim
            docker slow sim containers=web delay=100ms jitter=10ms
            docker link web to=db port=5432
              latency 200ms jitter=20ms
              bandwidth 64kbit
              timeout 5s
              resetPeer 1s
              slowClose 50ms
              limitData 10kb
            waitUntil timeout=5s
              sh "nc -z db 5432" check=false
        """);
  }
}
