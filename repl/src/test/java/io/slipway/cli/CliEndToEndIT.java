package io.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a process on small host-only pipelines: exit codes, the JSON event stream,
 * the reports, secret masking in every view, and SIGINT handling.
 */
class CliEndToEndIT {
  static final String SECRET = "s3cr3t-Value-42";
  /** One stage behind an approval gate, for the terminal tests. */
  static final String GATED = """
      pipeline("gated") {
          stage("deploy") {
              approve("Ship it?")
              echo("shipped")
          }
      }
      """;

  @TempDir
  Path dir;

  @Test
  void checkAndRunExitCodes() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("e2e") {
            stage("one") { echo("one") }
        }
        """);
    Files.writeString(dir.resolve("bad.slip"), "pipeline(\"x\") { stage(\"a\") { echo(nope) } }\n");
    assertThat(JarProcess.run(dir, Map.of(), "check").code()).isEqualTo(0);
    var bad = JarProcess.run(dir, Map.of(), "check", "bad.slip");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).contains("bad.slip:1:").contains("error[E0301]");
    var run = JarProcess.run(dir, Map.of(), "run");
    assertThat(run.code()).as(run.out() + run.err()).isEqualTo(0);
    assertThat(run.out()).contains("[one] one");
    assertThat(JarProcess.run(dir, Map.of(), "run", "--bogus").code()).isEqualTo(2);
    assertThat(JarProcess.run(dir, Map.of(), "run", "missing.slip").code()).isEqualTo(2);
  }

  @Test
  void aSecretNeverAppearsInAnyView() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("secrets") {
            stage("leak") {
                val token = secret("E2E_TOKEN")
                sh("echo token=\\$E2E_TOKEN; echo \\$E2E_TOKEN >&2", env = mapOf("E2E_TOKEN" to token))
                withEnv("T" to token) {
                    sh("echo with-env \\$T; exit 4")
                }
            }
        }
        """);
    Map<String, String> env = Map.of("E2E_TOKEN", SECRET);
    var plain = JarProcess.run(dir, env, "run", "--junit", "junit.xml", "--report", "report.html");
    var json = JarProcess.run(dir, env, "run", "--json");
    assertThat(plain.code()).as(plain.out() + plain.err()).isEqualTo(1);
    assertThat(json.code()).isEqualTo(1);
    List<String> outputs = List.of(plain.out(), plain.err(), json.out(), json.err(),
        Files.readString(dir.resolve("junit.xml")), Files.readString(dir.resolve("report.html")));
    for (String o : outputs) {
      assertThat(o).doesNotContain(SECRET).doesNotContain("s3cr3t");
    }
    assertThat(plain.out()).contains("token=****").contains("with-env ****");
    assertThat(json.out()).contains("token=****");
  }

  @Test
  void jsonEventsAndReportsDescribeTheRun() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("reports") {
            stage("build") { sh("echo building") }
            parallel {
                stage("unit") { sh("echo unit ok") }
                stage("lint") { sh("sleep 1; echo lint failed; exit 2") }
            }
            stage("deploy") { echo("never") }
        }
        """);
    // lint fails a second in, so unit has finished (its log is asserted below): a lint that
    // failed at once cancels unit before it prints, as failFast should
    var r = JarProcess.run(dir, Map.of(), "run", "--json", "--junit", "out/junit.xml",
        "--report", "out/report.html");
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    var mapper = new ObjectMapper();
    List<JsonNode> events = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      events.add(mapper.readTree(line));
    }
    assertThat(events.getFirst().get("type").asText()).isEqualTo("run");
    assertThat(events.getLast().get("type").asText()).isEqualTo("result");
    assertThat(events.getLast().get("exitCode").asInt()).isEqualTo(1);
    assertThat(events).anySatisfy(e -> {
      assertThat(e.get("type").asText()).isEqualTo("log");
      assertThat(e.get("line").asText()).isEqualTo("unit ok");
      assertThat(e.get("stage").asText()).isEqualTo("unit");
    });
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("out/junit.xml").toFile());
    assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(4);
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    String html = Files.readString(dir.resolve("out/report.html"));
    assertThat(html).contains("data-stage=\"lint\" data-status=\"failed\"")
        .contains("class=\"bar success\"");
  }

  @Test
  void sigintCancelsTheRunAndExits130() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("interrupt") {
            stage("wait") {
                echo("waiting")
                sh("sleep 60")
            }
        }
        """);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = runUntilWaiting(out, err);
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits soon after SIGINT").isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(err)).contains("interrupted").doesNotContain("Exception");
  }

  @Test
  void sigtermCancelsTheRunAndExits143() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("terminate") {
            stage("wait") {
                echo("waiting")
                sh("sleep 60")
            }
            post { always { echo("post ran") } }
        }
        """);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = runUntilWaiting(out, err);
    p.destroy();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits soon after SIGTERM").isTrue();
    assertThat(p.exitValue()).isEqualTo(143);
    assertThat(Files.readString(err)).contains("terminated");
    assertThat(Files.readString(out)).contains("cancelled").contains("post ran");
  }

  @Test
  void aSecondSigintDuringThePostBlocksQuitsAtOnce() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("twice") {
            stage("wait") {
                echo("waiting")
                sh("sleep 60")
            }
            post {
                aborted { echo("aborted block started"); sleep(60.seconds) }
            }
        }
        """);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = runUntilWaiting(out, err);
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    awaitOutput(out, "aborted block started");
    assertThat(Files.readString(out)).contains("aborted block started");
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("the second ^C quits at once").isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(err)).contains("forced exit");
  }

  @Test
  void anUnreachableEngineIsOneLineAndExitThree() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("engine") {
            agent(image = "slipway-test/busybox:latest")
            stage("in-container") { sh("true") }
        }
        """);
    var r = JarProcess.run(dir, Map.of("DOCKER_HOST", "tcp://127.0.0.1:9"), "run");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.err()).contains("tcp://127.0.0.1:9").doesNotContain("\tat ");
    var gc = JarProcess.run(dir, Map.of("DOCKER_HOST", "tcp://127.0.0.1:9"), "gc");
    assertThat(gc.code()).isEqualTo(3);
    assertThat(gc.err().strip()).startsWith("error: cannot reach the Docker engine at tcp://127.0.0.1:9")
        .doesNotContain("\n");
  }

  /** Runs the jar inside a pseudo-terminal ({@code script} of util-linux), feeding stdin. */
  private String onTerminal(String input, String... args) throws Exception {
    Path out = dir.resolve("tty.out");
    var pb = terminal(out, args);
    pb.environment().put("COLUMNS", "80");
    pb.environment().put("LINES", "24");
    pb.environment().put("E2E_TOKEN", SECRET);
    Process p = pb.start();
    Thread.sleep(1500);
    p.getOutputStream().write(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    p.getOutputStream().flush();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return Files.readString(out) + "\nexit=" + p.exitValue();
  }

  /**
   * The jar under {@code script} (util-linux), so that it sees a pseudo-terminal (TERM=xterm);
   * its terminal output goes to {@code out}. Skips the test where {@code script} is missing.
   */
  private ProcessBuilder terminal(Path out, String... args) {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")));
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd = javaBin + " -jar " + JarProcess.JAR + " " + String.join(" ", args);
    var pb = new ProcessBuilder("script", "-qec", cmd, "/dev/null").directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("TERM", "xterm");
    return pb;
  }

  /** Starts {@code slipway run} and returns once its stage {@code wait} echoed "waiting". */
  private Process runUntilWaiting(Path out, Path err) throws Exception {
    Process p = JarProcess.builder(dir, Map.of(), "run").redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    awaitOutput(out, "[wait] waiting");
    Thread.sleep(300);
    return p;
  }

  /** Waits (30 s at most) until {@code file} contains {@code text}. */
  private static void awaitOutput(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void theLiveViewRedrawsInPlaceOnATerminal() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("live") {
            stage("build") { sh("for i in 1 2 3 4; do echo building \\$i; sleep 0.3; done") }
            parallel {
                stage("unit") { sh("echo unit ok") }
                stage("lint") { sh("echo lint ok") }
            }
        }
        """);
    String out = onTerminal("", "run");
    assertThat(out).endsWith("exit=0");
    assertThat(out).containsPattern("\u001b\\[\\d+F").contains("\u001b[2K");
    String plain = out.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
    assertThat(plain).contains("building 2").contains("✔ build").contains("✔ unit")
        .contains("run success");
  }

  @Test
  void anApprovalGateAsksOnTheTerminal() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), GATED);
    String yes = onTerminal("y\n", "run");
    assertThat(yes).endsWith("exit=0").contains("Ship it? [y/N]").contains("approved");
    String no = onTerminal("n\n", "run");
    assertThat(no).endsWith("exit=1").contains("rejected");
  }

  @Test
  void theLiveViewMasksSecretsToo() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("live-secret") {
            stage("leak") {
                val token = secret("E2E_TOKEN")
                sh("echo token=\\$E2E_TOKEN; sleep 0.5; exit 3", env = mapOf("E2E_TOKEN" to token))
            }
        }
        """);
    String out = onTerminal("", "run");
    assertThat(out).endsWith("exit=1").contains("token=****").doesNotContain(SECRET)
        .doesNotContain("s3cr3t");
  }

  @Test
  void checkAndHostRunsLoadNeitherGraalVmNorDockerJava() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), """
        pipeline("lazy") {
            stage("host") { sh("echo on the host") }
        }
        """);
    for (String cmd : new String[] {"check", "run"}) {
      Path log = dir.resolve(cmd + "-classes.txt");
      var r = JarProcess.run(dir, Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log), cmd);
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
      String classes = Files.readString(log);
      assertThat(classes).contains("io.slipway.cli.Main")
          .doesNotContain("org.graalvm.").doesNotContain("com.oracle.truffle.")
          .doesNotContain("com.github.dockerjava.");
    }
  }

  @Test
  void ctrlCAtAnApprovalPromptCancelsAtOnce() throws Exception {
    Files.writeString(dir.resolve("Slipfile"), GATED);
    Path out = dir.resolve("tty.out");
    Process p = terminal(out, "run").start();
    awaitOutput(out, "[y/N]");
    p.getOutputStream().write(3); // ^C: the terminal sends SIGINT to the run
    p.getOutputStream().flush();
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).as("exits soon after ^C at the prompt").isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    assertThat(Files.readString(out)).contains("interrupted").doesNotContain("shipped");
  }
}
