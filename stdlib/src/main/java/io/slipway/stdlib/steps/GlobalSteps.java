package io.slipway.stdlib.steps;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.interp.Cancelled;
import io.slipway.interp.Invocation;
import io.slipway.run.Approver;
import io.slipway.run.BuildInfo;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import io.slipway.value.Values;
import java.time.Duration;

/**
 * Global functions usable anywhere at run time: the steps {@code echo}, {@code sleep} and
 * {@code approve} (reported as steps), {@code error}, {@code assert}, {@code secret}, and the
 * {@code params} and {@code build} globals.
 */
public final class GlobalSteps implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Steps");
    d.fn("echo").param("message", "Any?")
        .doc("Prints a message to the stage's log (secrets masked).")
        .impl((cx, r, a) -> {
          StepSupport.log(cx, Event.Stream.INFO, Values.show(a[0]));
          return Unit.INSTANCE;
        });
    d.fn("println").param("message", "Any?", "", "\"\"")
        .doc("The same as `echo`, under Kotlin's name.")
        .impl((cx, r, a) -> {
          StepSupport.log(cx, Event.Stream.INFO, Values.show(a[0]));
          return Unit.INSTANCE;
        });
    d.category("Errors");
    d.fn("error").param("message", "String").returns("Nothing")
        .doc("Fails with an `Error` carrying the message; catchable with `catch (e: Error)`.")
        .impl((cx, r, a) -> {
          throw SlipException.error((String) a[0]);
        });
    d.fn("assert").param("condition", "Bool")
        .param("message", "String", "assertion failed", "\"assertion failed\"")
        .doc("Fails with `AssertionFailed` and the message when the condition is false.")
        .impl((cx, r, a) -> {
          if (!(Boolean) a[0]) {
            throw new SlipException("AssertionFailed", (String) a[1]);
          }
          return Unit.INSTANCE;
        });
    d.category("Steps");
    d.fn("sleep").param("duration", "Duration").effects(Effect.WAIT)
        .doc("Pauses the stage; interrupted at once by a timeout or cancellation.")
        .impl((cx, r, a) -> {
          Duration t = (Duration) a[0];
          if (!t.isNegative() && !t.isZero()) {
            Thread.sleep(t);
          }
          return Unit.INSTANCE;
        });
    d.fn("approve").param("message", "String").effects(Effect.INTERACTIVE)
        .doc("A manual quality gate: asks on the terminal and goes on only when approved. "
            + "`slipway run --approve` answers yes; without a terminal and without `--approve` "
            + "the run fails here. A rejected gate aborts the run (post `always` and `aborted` "
            + "run, `failure` does not).")
        .impl((cx, r, a) -> approve(cx, (String) a[0]));
    d.category("Secrets");
    d.fn("secret").param("name", "String").returns("Secret")
        .doc("A credential read from the environment, then from `.slipway/secrets` beside the "
            + "pipeline (`NAME=value` lines). Masked as `****` in every output (plain, live, "
            + "JSON, JUnit, HTML, stage names, errors, diagnostics), matched in the text a reader "
            + "sees: colour codes and other control sequences are removed and carriage returns "
            + "applied first. A one-line value is masked wherever it appears; a multi-line value "
            + "line by line: lines of 4 or more characters anywhere, shorter ones wherever they "
            + "stand as a word of their own (lines without a letter or digit are not masked). "
            + "Every value of `.slipway/secrets` is masked from the start, read or not. The name "
            + "must be known before the run: a literal, a `param`, `val`s and matrix values "
            + "combined by templates, `+`, `if`/`when`/`?:` (error E0508 otherwise); every name "
            + "it can be is read and masked before the first stage, and literal names must be "
            + "available before anything runs (E0506).")
        .impl((cx, r, a) -> {
          String name = (String) a[0];
          return StepSupport.run(cx).secrets().get(name).orElseThrow(() -> SlipException.error(
              "secret `" + name + "` is not available: set the environment variable `" + name
                  + "` or add it to .slipway/secrets"));
        });

    d.category("Build");
    d.type("Build", "Facts about this run: `number`, `tag`, `id`, `dir`.", BuildInfo.class,
        "Any");
    d.property(null, "build").type("Build")
        .doc("The current build: its number (a per-pipeline counter kept in `.slipway/`), "
            + "tag (`slipway-<pipeline>-<number>`), unique run id and pipeline directory.")
        .get((cx, r) -> StepSupport.run(cx).build());
    d.property("Build", "number").type("Int")
        .doc("The build number, counting runs of this pipeline from 1.")
        .get((cx, r) -> ((BuildInfo) r).number());
    d.property("Build", "tag").type("String")
        .doc("`slipway-<pipeline>-<number>`, like Jenkins' BUILD_TAG.")
        .get((cx, r) -> ((BuildInfo) r).tag());
    d.property("Build", "id").type("String")
        .doc("The unique id of this run; also the `io.slipway.run` label of its resources.")
        .get((cx, r) -> ((BuildInfo) r).id());
    d.property("Build", "dir").type("String")
        .doc("The directory of the pipeline file; relative paths resolve against it.")
        .get((cx, r) -> ((BuildInfo) r).dir());
    d.property(null, "params").type("Params")
        .doc("Every `param` of the pipeline file with its value (`-p name=value` overrides "
            + "the default).")
        .get((cx, r) -> Invocation.of(cx).interpreter().paramsObject());
  }

  private static Object approve(CallContext cx, String message) throws InterruptedException {
    Run run = StepSupport.run(cx);
    String stage = StepSupport.stageName(cx);
    if (run.flags().approveAll()) {
      StepSupport.log(cx, Event.Stream.INFO, "approved (--approve): " + message);
      return Unit.INSTANCE;
    }
    Approver approver = run.approver();
    if (approver == null || !run.flags().interactive()) {
      throw SlipException.error("approval needed: \"" + message + "\", but there is no "
          + "terminal to ask on; rerun with --approve to approve every gate");
    }
    if (!approver.approve(stage, message)) {
      if (run.isCancelled()) {
        throw new Cancelled(run.cancelReason()); // the question gave way to a Ctrl-C
      }
      // a rejected gate aborts the run, as Jenkins' input step does: post `always` and
      // `aborted` run, `failure` does not
      String reason = "not approved: \"" + message + "\"";
      StepSupport.log(cx, Event.Stream.INFO, reason + "; aborting the run");
      run.cancel(reason);
      throw new Cancelled(reason);
    }
    StepSupport.log(cx, Event.Stream.INFO, "approved: " + message);
    return Unit.INSTANCE;
  }
}
