package io.slipway.cli.view;

import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.run.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed, realistic event sequence for view tests: {@code build} succeeds in 2 s (two steps),
 * {@code lint} and {@code test} run in parallel (test fails after 1 s with output),
 * {@code deploy} is skipped. Times are exact so proportions can be asserted.
 */
final class SampleRun {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

  private SampleRun() {}

  static List<Event> events() {
    var e = new ArrayList<Event>();
    e.add(new Event.RunStarted(T0, "run-1234", "books-ms", 7, "examples/books-ms/Slipfile",
        List.of(new Event.StageInfo("build", List.of(), null),
            new Event.StageInfo("lint", List.of(), "parallel-1"),
            new Event.StageInfo("test", List.of(), "parallel-1"),
            new Event.StageInfo("deploy", List.of("test"), null))));
    e.add(new Event.StageStarted(at(0), "build"));
    e.add(new Event.StepStarted(at(0), "build", 1, "sh make", 3));
    e.add(new Event.Log(at(100), "build", Event.Stream.STDOUT, "compiling <main> & \"friends\""));
    e.add(new Event.StepFinished(at(1500), "build", 1, Status.SUCCESS, ms(1500), 0));
    e.add(new Event.StepStarted(at(1500), "build", 2, "build image books-ms", 4));
    e.add(new Event.Resource(at(1600), "build", "container", "created", "abc123", "books-db"));
    e.add(new Event.StepFinished(at(2000), "build", 2, Status.SUCCESS, ms(500), null));
    e.add(new Event.StageFinished(at(2000), "build", Status.SUCCESS, ms(2000), null));
    e.add(new Event.StageStarted(at(2000), "lint"));
    e.add(new Event.StageStarted(at(2000), "test"));
    e.add(new Event.StepStarted(at(2000), "test", 1, "sh ./run-tests.sh", 8));
    e.add(new Event.Log(at(2100), "test", Event.Stream.STDERR, "\u001b[31mFAIL\u001b[0m books_test"));
    e.add(new Event.StepFinished(at(3000), "test", 1, Status.FAILED, ms(1000), 2));
    e.add(new Event.StageFinished(at(3000), "test", Status.FAILED, ms(1000),
        "Slipfile:8:5: error in stage `test`: StepFailed: command `./run-tests.sh` exited with 2"));
    e.add(new Event.StageFinished(at(2500), "lint", Status.SUCCESS, ms(500), null));
    e.add(new Event.StageFinished(at(3000), "deploy", Status.SKIPPED, null, null));
    e.add(new Event.Resource(at(3100), "build", "container", "removed", "abc123", "books-db"));
    e.add(new Event.RunFinished(at(4000), Status.FAILED, ms(4000), "stage `test` failed", 1));
    return e;
  }

  static <T extends EventSink> T feed(T sink) {
    events().forEach(sink::emit);
    return sink;
  }

  static RunModel.Snapshot snapshot() {
    return feed(new RunModel()).snapshot();
  }

  static Instant at(long ms) {
    return T0.plusMillis(ms);
  }

  static Duration ms(long ms) {
    return Duration.ofMillis(ms);
  }
}
