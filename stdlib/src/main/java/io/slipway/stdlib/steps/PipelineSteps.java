package io.slipway.stdlib.steps;

import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.pipeline.Plan;
import io.slipway.pipeline.PipelineDsl;
import io.slipway.pipeline.Scheduler;
import io.slipway.value.Values;
import io.slipway.stdlib.Library;
import java.util.List;

/**
 * The pipeline DSL: {@code pipeline}, and the members of the scopes its blocks receive. The
 * plan-time members ({@code stage}, {@code parallel}, {@code matrix}, {@code post}) build the
 * stage graph; {@code agent}, {@code env} and {@code options} exist on both the pipeline and the
 * stage scope. Implementations live in {@link PipelineDsl}.
 */
public final class PipelineSteps implements Library {
  private static final String STAGE_DOC = "Declares a stage. `needs` names stages that must "
      + "finish first (explicit DAG edges); with `onlyIf = false` the stage is skipped. The block "
      + "runs at run time, with the stage scope (`agent`, `env`, `options`) as receiver.";

  /** The exact failFast rule, shown by {@code slipway docs} for {@code parallel} and {@code options}. */
  static final String FAIL_FAST_RULE = "When a stage fails (after its retries): (1) every stage "
      + "that depends on it, directly or through others, is cancelled; a stage depends on its "
      + "`needs` when it has some, else on the stage or group declared before it (declaration "
      + "order counts only for stages without `needs`). (2) If its group's `failFast` is true "
      + "(`parallel(failFast = ...)`; when not given, and always for `matrix`, the pipeline's "
      + "`options(failFast)`, true by default), its siblings still running are cancelled: their "
      + "steps are interrupted, the containers they started stopped and removed, and they show as "
      + "`cancelled`; with `failFast = false` they run to the end. (3) If the pipeline's "
      + "`failFast` is true and the stage is not in a group with `failFast = false`, every stage "
      + "not yet started is cancelled; with `options(failFast = false)` stages that do not depend "
      + "on a failed stage still run. A stage's own `options(failFast = false)` limits its "
      + "failure to (1). Then the `post` blocks run.";

  @Override
  public void declare(Declarations d) {
    d.category("Pipeline");
    d.type("PipelineScope", "The receiver of the `pipeline { }` block: `stage`, `parallel`, "
        + "`matrix`, `post`, `agent`, `env`, `options`.", null, "Any");
    d.type("ParallelScope", "The receiver of a `parallel { }` block: its stages run "
        + "concurrently.", null, "Any");
    d.type("MatrixScope", "The receiver of a `matrix(..) { }` block, run once per combination "
        + "of the axes with one `val` per axis name.", null, "Any");
    d.type("StageScope", "The receiver of a stage body: `agent`, `env`, `options` for this "
        + "stage.", null, "Any");
    d.type("PostScope", "The receiver of the `post { }` block: `always`, `success`, "
        + "`failure`, `aborted`.", null, "Any");

    d.fn("pipeline").effects(Effect.PLAN)
        .param("name", "String").param("block", "PipelineScope.() -> Unit")
        .doc("Declares the pipeline of this file. The block runs first, at plan time, and fixes "
            + "the stage graph; stage bodies run later. A pipeline file holds exactly one.")
        .impl((cx, r, a) -> PipelineDsl.pipeline(cx, a[0], a[1]));
    for (String owner : List.of("PipelineScope", "ParallelScope", "MatrixScope")) {
      d.method(owner, "stage").effects(Effect.PLAN)
          .param("name", "String")
          .param("needs", "List<String>", List.of(), "listOf()")
          .param("onlyIf", "Bool", true, "true")
          .param("block", "StageScope.() -> Unit")
          .doc(STAGE_DOC)
          .impl((cx, r, a) -> PipelineDsl.stage(cx, r, a[0], a[1], a[2], a[3]));
    }
    d.method("PipelineScope", "parallel").effects(Effect.PLAN)
        .param("failFast", "Bool?", null, "null").param("block", "ParallelScope.() -> Unit")
        .doc("Runs the stages declared in the block concurrently. " + FAIL_FAST_RULE)
        .impl((cx, r, a) -> PipelineDsl.parallel(cx, r, a[0], a[1]));
    d.method("PipelineScope", "matrix").effects(Effect.PLAN)
        .vararg("axes", "Pair<String, List<String>>").param("block", "MatrixScope.() -> Unit")
        .doc("Expands at plan time into one run of the block per combination of the axes "
            + "(first axis outermost); inside, each axis name is a `String` val. The stages "
            + "declared run concurrently, e.g. "
            + "`matrix(\"jdk\" to listOf(\"17\", \"21\")) { stage(\"test-$jdk\") { } }`.")
        .impl((cx, r, a) -> PipelineDsl.matrix(cx, r, (List<?>) a[0], a[1]));
    d.method("PipelineScope", "post").effects(Effect.PLAN)
        .param("block", "PostScope.() -> Unit")
        .doc("Blocks that run after the stages, in the order written: `always` (whatever "
            + "happened, also when the run was cancelled), `success` (every stage succeeded or "
            + "was skipped), `failure` (a stage failed), `aborted` (the run was cancelled: "
            + "SIGINT, SIGTERM, a rejected `approve` gate; then neither `success` nor `failure` "
            + "runs). After a cancellation or the pipeline's timeout the post blocks get "
            + Values.showDuration(Scheduler.POST_BUDGET) + " in all: the block still running "
            + "then fails with `Timeout`. A second Ctrl-C quits at once without waiting for them.")
        .impl((cx, r, a) -> PipelineDsl.post(cx, r, a[0]));
    declarePost(d, "always", Plan.Post.Kind.ALWAYS, "Runs after the stages, whatever happened, "
        + "also when the run was cancelled.");
    declarePost(d, "success", Plan.Post.Kind.SUCCESS, "Runs after the stages when none failed "
        + "(not after a cancellation).");
    declarePost(d, "failure", Plan.Post.Kind.FAILURE, "Runs after the stages when one failed "
        + "(not after a cancellation).");
    declarePost(d, "aborted", Plan.Post.Kind.ABORTED, "Runs when the run was cancelled (SIGINT, "
        + "SIGTERM, a rejected `approve` gate), after the running stages stopped; on a budget "
        + "(see `post`).");

    for (String owner : List.of("PipelineScope", "StageScope")) {
      String where = owner.equals("PipelineScope") ? "every stage" : "this stage";
      d.method(owner, "agent").effects(Effect.PLAN).param("image", "String | Image")
          .doc("The container `sh` steps of " + where + " run in, with the workspace at "
              + "`/workspace`. It joins every network created in its stage and those created "
              + "outside any stage, so its commands reach the stage's services by name "
              + "(`sh(\"wget http://cache:6379/\")` for `service(\"cache\", network = net)`). "
              + "Without an agent, `sh` runs on the host in the pipeline directory.")
          .impl((cx, r, a) -> PipelineDsl.agent(r, a[0]));
      d.method(owner, "env").effects(Effect.PLAN).vararg("vars", "Pair<String, String | Secret>")
          .doc("Environment variables for every step of " + where
              + "; values may be secrets.")
          .impl((cx, r, a) -> PipelineDsl.env(r, (List<?>) a[0]));
      d.method(owner, "options").effects(Effect.PLAN)
          .param("timeout", "Duration?", null, "null")
          .param("retries", "Int", 0L, "0")
          .param("failFast", "Bool", true, "true")
          .doc(owner.equals("PipelineScope")
              ? "Pipeline options: `timeout` bounds the whole run, `retries` is every stage's "
                  + "default, `failFast = false` lets stages that do not depend on a failed one go "
                  + "on (and is the default of every `parallel` and `matrix` group). "
                  + FAIL_FAST_RULE
              : "Stage options: `timeout` (from this call on) fails the stage when it passes, "
                  + "`retries` re-runs a failed stage that many more times (each attempt starts "
                  + "clean, as with `retry`), `failFast = false` lets a failure of this stage "
                  + "stop only the stages that depend on it.")
          .impl((cx, r, a) -> PipelineDsl.options(cx, r, a[0], a[1], a[2]));
    }
  }

  private static void declarePost(Declarations d, String name, Plan.Post.Kind kind, String doc) {
    d.method("PostScope", name).effects(Effect.PLAN).param("block", "() -> Unit").doc(doc)
        .impl((cx, r, a) -> PipelineDsl.postBlock(cx, r, kind, a[0]));
  }
}
