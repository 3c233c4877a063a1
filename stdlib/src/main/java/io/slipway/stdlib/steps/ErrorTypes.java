package io.slipway.stdlib.steps;

import io.slipway.builtin.Declarations;
import io.slipway.stdlib.Library;
import io.slipway.value.ErrorValue;
import io.slipway.value.ExecResult;
import io.slipway.value.SlipException;

/**
 * The run-time error types (caught with {@code try/catch} by type, supertype-aware) and
 * {@code ExecResult}, the outcome of a command.
 */
public final class ErrorTypes implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Errors");
    d.type("Error", "A run-time error; every error type is a subtype. Raised by "
        + "`error(\"msg\")` and `throw`, caught with `catch (e: Error)`.", ErrorValue.class, "Any");
    d.type("StepFailed", "A command exited with a non-zero code; `result` holds its "
        + "`ExecResult`.", null, "Error");
    d.type("Timeout", "A `timeout`, `waitUntil` or stage/pipeline timeout expired.", null,
        "Error");
    d.type("AssertionFailed", "An `assert` did not hold.", null, "Error");
    d.type("IllegalArgument", "A `require` or `requireNotNull` did not hold (Kotlin's IllegalArgumentException).",
        null, "Error");
    d.type("IllegalState", "A `check` or `checkNotNull` did not hold (Kotlin's IllegalStateException).", null,
        "Error");
    d.type("NotImplemented", "A `TODO()` was reached (Kotlin's NotImplementedError).", null, "Error");
    d.type("EngineError", "The container engine refused or failed an operation, wherever "
        + "it happened (a step, a method, a property read such as `Image.size` that pulls on "
        + "first use); the message names the operation. An engine that cannot be reached or "
        + "stops answering ends the run with exit code 3.", null, "Error");
    d.property("Error", "message").type("String").doc("What went wrong.")
        .get((cx, r) -> ((ErrorValue) r).message());
    d.property("StepFailed", "result").type("ExecResult")
        .doc("The failed command's exit code and output.")
        .get((cx, r) -> ((ErrorValue) r).payload());
    d.fn("Error").param("message", "String").returns("Error")
        .doc("A new `Error` value to `throw`: `throw Error(\"bad input\")`.")
        .impl((cx, r, a) -> new ErrorValue("Error", (String) a[0], null));

    d.category("Steps");
    d.type("ExecResult", "The outcome of a command (`sh`, `exec`, `run`).", ExecResult.class,
        "Any");
    d.property("ExecResult", "exitCode").type("Int").doc("The exit code; 0 means success.")
        .get((cx, r) -> (long) ((ExecResult) r).exitCode());
    d.property("ExecResult", "stdout").type("String").doc("Everything written to standard output.")
        .get((cx, r) -> ((ExecResult) r).stdout());
    d.property("ExecResult", "stderr").type("String").doc("Everything written to standard error.")
        .get((cx, r) -> ((ExecResult) r).stderr());
    d.property("ExecResult", "ok").type("Bool").doc("True when the exit code is 0.")
        .get((cx, r) -> ((ExecResult) r).ok());
    d.property("ExecResult", "duration").type("Duration").doc("How long the command ran.")
        .get((cx, r) -> ((ExecResult) r).duration());
  }

  /** A {@code StepFailed} error for a command that exited with a non-zero code. */
  public static SlipException stepFailed(String command, ExecResult r) {
    String shown = command.length() > 80 ? command.substring(0, 77) + "..." : command;
    return new SlipException(new ErrorValue("StepFailed",
        "command `" + shown.replace('\n', ' ') + "` exited with " + r.exitCode(), r));
  }
}
