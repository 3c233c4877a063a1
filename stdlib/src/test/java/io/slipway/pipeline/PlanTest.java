package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway plan}: the graph, and what each stage will do, without side effects. */
class PlanTest {
  @TempDir Path dir;

  @Test
  void rendersGroupsNeedsAndGuards() throws Exception {
    var plan = TestRuns.plan(dir, """
        param deployTo: String? = null
        pipeline("books-ms") {
            agent(image = "debian:bookworm")
            env("DB" to "books")
            options(timeout = 20.minutes)
            stage("checkout") { sh("git clone https://example.org/books-ms.git") }
            parallel(failFast = false) {
                stage("lint") { }
                stage("docs") { }
            }
            matrix("jdk" to listOf("17", "21")) {
                stage("test-$jdk") { }
            }
            stage("package", needs = listOf("lint", "docs")) { }
            stage("deploy", onlyIf = params.deployTo != null) { }
            post {
                always { }
                failure { }
            }
        }
        """, Map.of());
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline books-ms
          agent debian:bookworm
          env DB=books
          options timeout=20m retries=0 failFast=true
          stage checkout
            sh "git clone https://example.org/books-ms.git"
          parallel (failFast = false)
            stage lint
            stage docs
          matrix
            stage test-17
            stage test-21
          stage package  (needs: lint, docs)
          stage deploy  (onlyIf false: skipped)
          post always
          post failure
        """);
  }

  @Test
  void paramsReachThePlan() throws Exception {
    var plan = TestRuns.plan(dir, """
        param deployTo: String? = null
        pipeline("p") {
            stage("deploy", onlyIf = params.deployTo != null) { }
        }
        """, Map.of("deployTo", "prod"));
    assertThat(plan.render()).contains("stage deploy\n").doesNotContain("skipped");
  }

  @Test
  void badParamIsADiagnostic() throws Exception {
    var plan = TestRuns.plan(dir, """
        param replicas: Int = 2
        pipeline("p") { stage("s") { } }
        """, Map.of("replicas", "many"));
    assertThat(plan.ok()).isFalse();
    assertThat(plan.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0503);
  }

  @Test
  void templateStageNamesAreCheckedAtPlanTime() throws Exception {
    var plan = TestRuns.plan(dir, """
        val names = listOf("a", "b")
        pipeline("p") {
            for (n in names) {
                stage("build-$n", needs = listOf("build-c")) { }
            }
        }
        """, Map.of());
    assertThat(plan.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0404);
    assertThat(plan.diagnostics().get(0).message())
        .isEqualTo("stage `build-a` needs unknown stage `build-c`");
  }

  @Test
  void listsDockerOperationsWithTheirEvaluatedArguments() throws Exception {
    var plan = TestRuns.plan(dir, """
        param registry = "localhost:5000"
        pipeline("books-ms") {
            stage("test") {
                val img = build(context = ".", dockerfile = "Dockerfile.test",
                                tag = "$registry/books-ms-tests")
                retry(2) { run(image = img, command = listOf("./run-tests.sh")) }
            }
            stage("publish") {
                agent(image = "$registry/ci-tools:1")
                val tagged = image("books-ms").tag("$registry/books-ms:${build.tag}")
                tagged.push()
            }
        }
        """, Map.of("registry", "reg.example:5000"));
    assertThat(plan.error()).isNull();
    assertThat(plan.render()).isEqualTo("""
        pipeline books-ms
          stage test
            docker build dockerfile=Dockerfile.test tag=reg.example:5000/books-ms-tests
            docker run reg.example:5000/books-ms-tests command=[./run-tests.sh]
          stage publish
            agent reg.example:5000/ci-tools:1
            docker tag books-ms reg.example:5000/books-ms:slipway-books-ms-1
            docker push reg.example:5000/books-ms:slipway-books-ms-1
        """);
  }
}
