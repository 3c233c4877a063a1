package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.types.Types;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline DSL rules: counts, placement (@DslMarker), stage names, needs, matrix, params, imports. */
class PipelineStructureTest extends CheckerHarness {

  @Test
  void validPipeline() {
    assertValidPipeline("""
        param deployTo: String? = null
        param replicas: Int = 2
        pipeline("app") {
            env("A" to "b", "T" to secret("TOKEN"))
            agent(image = "debian")
            options(timeout = 20.minutes, retries = 0, failFast = true)
            stage("build") { sh("make") }
            parallel {
                stage("lint") { sh("lint") }
                stage("docs") { agent("x")\nsh("docs") }
            }
            stage("package", needs = listOf("lint", "docs")) { echo(params.replicas + 1) }
            stage("deploy", onlyIf = params.deployTo != null) { echo("to ${params.deployTo}") }
            matrix("jdk" to listOf("17", "21"), "os" to listOf("a", "b")) {
                stage("test-$jdk-$os") { sh("test $jdk on $os") }
            }
            stage("after", needs = listOf("test-17-a")) { }
            post {
                always { echo("done") }
                failure { echo("failed") }
            }
        }
        """);
  }

  @Test
  void pipelineCount() {
    assertInvalidPipeline(Code.E0401, "must contain one `pipeline(...)`", "val x = 1");
    Result r = assertInvalidPipeline(Code.E0401, "exactly one", "pipeline(\"a\") { }\npipeline(\"b\") { }");
    assertThat(r.diagnostics().get(0).related()).hasSize(1);
    assertInvalidPipeline(Code.E0402, "`pipeline` is only allowed at the top level",
        "pipeline(\"a\") { stage(\"s\") { pipeline(\"b\") { } } }");
    Result lib = check("import \"lib.slip\"\npipeline(\"a\") { }", true, Map.of("lib.slip", "pipeline(\"x\") { }"));
    assertThat(lib.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0401);
    assertThat(lib.diagnostics().get(0).message()).contains("a library file cannot contain");
  }

  @Test
  void dslPlacement() {
    assertInvalidPipeline(Code.E0402, "`stage` is only allowed directly in `pipeline`, `parallel` or `matrix`",
        "pipeline(\"a\") { stage(\"s\") { stage(\"t\") { } } }");
    assertInvalidPipeline(Code.E0402, "`stage` is only allowed directly in",
        "fun helper() { stage(\"t\") { } }\npipeline(\"a\") { }");
    assertInvalidPipeline(Code.E0402, "`parallel` is only allowed directly in `pipeline`",
        "pipeline(\"a\") { parallel { parallel { } } }");
    assertInvalidPipeline(Code.E0402, "`post` is only allowed directly in `pipeline`",
        "pipeline(\"a\") { stage(\"s\") { post { } } }");
    assertInvalidPipeline(Code.E0402, "`always` is only allowed directly in `post`",
        "pipeline(\"a\") { always { } }");
    assertInvalidPipeline(Code.E0402, "`agent` is only allowed directly in `pipeline` or `stage`",
        "pipeline(\"a\") { parallel { agent(\"x\") } }");
    assertInvalidPipeline(Code.E0402, "`matrix`", "pipeline(\"a\") { stage(\"s\") { matrix(\"a\" to listOf(\"b\")) { } } }");
    assertValidPipeline("pipeline(\"a\") { stage(\"s\") { agent(\"x\")\nenv(\"A\" to \"b\")\noptions(retries = 2) } }");
  }

  @Test
  void stageNamesAndNeeds() {
    Result r = assertInvalidPipeline(Code.E0403, "duplicate stage name `build`",
        "pipeline(\"a\") { stage(\"build\") { }\nparallel { stage(\"build\") { } } }");
    assertThat(r.diagnostics().get(0).related()).hasSize(1);
    r = assertInvalidPipeline(Code.E0404, "unknown stage `biuld` in `needs`",
        "pipeline(\"a\") { stage(\"build\") { }\nstage(\"t\", needs = listOf(\"biuld\")) { } }");
    assertThat(r.diagnostics().get(0).hint()).isEqualTo("did you mean `build`?");
    assertInvalidPipeline(Code.E0405, "cycle in `needs`: `a` -> `b` -> `a`",
        "pipeline(\"p\") { stage(\"a\", needs = listOf(\"b\")) { }\nstage(\"b\", needs = listOf(\"a\")) { } }");
    assertInvalidPipeline(Code.E0405, "cycle in `needs`: `a` -> `a`",
        "pipeline(\"p\") { stage(\"a\", needs = listOf(\"a\")) { } }");
    assertInvalidPipeline(Code.E0301, "unknown name `jdkk`",
        "pipeline(\"p\") { matrix(\"jdk\" to listOf(\"1\")) { stage(\"t-$jdkk\") { } } }");
  }

  @Test
  void params() {
    Result r = assertValidPipeline("""
        param registry = "localhost:5000"
        param replicas: Int = 2
        param wait: Duration = 30.seconds
        param deployTo: String? = null
        fun imageRef(name: String, tag: String = build.tag): String = "$registry/$name:$tag"
        pipeline("p") { stage("s") { val n: Int = params.replicas\nval w: Duration = params.wait } }
        """);
    assertThat(r.program().params()).extracting(ParamInfo::name)
        .containsExactly("registry", "replicas", "wait", "deployTo");
    assertThat(r.program().params().get(3).type()).isEqualTo(Types.nullable(Types.STRING));
    assertValidPipeline("param deployTo: String? = null\npipeline(\"p\") { stage(\"d\") {\n"
        + "if (params.deployTo != null) { val t: String = params.deployTo\necho(t.length) } } }");
    assertInvalidPipeline(Code.E0302, "unknown member `replica` of `Params`",
        "param replicas = 2\npipeline(\"p\") { echo(params.replica) }");
    assertInvalidPipeline(Code.E0505, "`param` is only allowed at the top level",
        "pipeline(\"p\") { stage(\"s\") { param x = 1 } }");
    Result lib = check("import \"lib.slip\"\npipeline(\"a\") { }", true, Map.of("lib.slip", "param x = 1"));
    assertThat(lib.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0505);
    assertInvalidPipeline(Code.E0209, "cannot infer the type of param `x`", "param x = null\npipeline(\"p\") { }");
    assertInvalidPipeline(Code.E0203, "a param must be", "param x = listOf(1)\npipeline(\"p\") { }");
  }

  @Test
  void imports() {
    Result r = check("import \"lib.slip\"\npipeline(\"a\") { stage(greeting()) { echo(Point(1).x) } }", true,
        Map.of("lib.slip", "fun greeting(): String = \"hi\"\ndata class Point(val x: Int)"));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.program().imports()).hasSize(1);
    Result missing = check("import \"nope.slip\"\npipeline(\"a\") { }", true, Map.of());
    assertThat(missing.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0501);
    Result cycle = check("import \"a.slip\"\npipeline(\"p\") { }", true,
        Map.of("a.slip", "import \"b.slip\"\nfun a() = 1", "b.slip", "import \"a.slip\"\nfun b() = 2"));
    assertThat(cycle.diagnostics()).extracting(d -> d.code()).containsExactly(Code.E0502);
    assertThat(cycle.diagnostics().get(0).message()).isEqualTo("import cycle: `a.slip` -> `b.slip` -> `a.slip`");
    Result twice = check("import \"a.slip\"\nimport \"b.slip\"\npipeline(\"p\") { echo(a() + b()) }", true,
        Map.of("a.slip", "import \"c.slip\"\nfun a() = c()", "b.slip", "import \"c.slip\"\nfun b() = c()",
            "c.slip", "fun c() = 1"));
    assertThat(twice.diagnostics()).isEmpty();
    assertThat(twice.program().imports()).extracting(p -> p.file().name()).containsExactly("c.slip", "a.slip", "b.slip");
  }
}
