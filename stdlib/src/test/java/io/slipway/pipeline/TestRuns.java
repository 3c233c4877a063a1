package io.slipway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.CheckResult;
import io.slipway.api.PlanResult;
import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.api.Slipway;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import io.slipway.stdlib.Stdlib;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs Slipway source through the facade in a directory and records its events. */
final class TestRuns {
  static final BuiltinRegistry REGISTRY = Stdlib.registry();

  private TestRuns() {}

  /** The outcome of a run with every event it emitted. */
  record Outcome(RunResult result, List<Event> events) {
    List<String> logs(String stage) {
      return events.stream().filter(e -> e instanceof Event.Log l && stage.equals(l.stage()))
          .map(e -> ((Event.Log) e).line()).toList();
    }

    <T extends Event> List<T> all(Class<T> type) {
      return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    Event.StageStarted started(String stage) {
      return all(Event.StageStarted.class).stream().filter(s -> s.stage().equals(stage))
          .findFirst().orElseThrow();
    }

    Event.StageFinished finished(String stage) {
      return all(Event.StageFinished.class).stream().filter(s -> s.stage().equals(stage))
          .findFirst().orElseThrow();
    }
  }

  static CheckResult check(Path dir, String source) throws IOException {
    return check(REGISTRY, dir, source);
  }

  static CheckResult check(BuiltinRegistry registry, Path dir, String source)
      throws IOException {
    Path file = dir.resolve("Slipfile");
    Files.writeString(file, source);
    CheckResult checked = new Slipway(registry).check(file);
    assertThat(checked.diagnostics()).as("check of the test program").isEmpty();
    return checked;
  }

  static Outcome run(Path dir, String source) throws IOException {
    return run(REGISTRY, dir, source, o -> o);
  }

  static Outcome run(BuiltinRegistry registry, Path dir, String source,
      UnaryOperator<RunOptions> options) throws IOException {
    CheckResult checked = check(registry, dir, source);
    List<Event> events = new ArrayList<>();
    EventSink sink = e -> {
      synchronized (events) {
        events.add(e);
      }
    };
    Map<String, String> env = new HashMap<>(System.getenv());
    RunOptions o = options.apply(RunOptions.defaults().withEvents(sink).withEnvironment(env));
    RunResult r = new Slipway(registry).run(checked, o);
    synchronized (events) {
      return new Outcome(r, List.copyOf(events));
    }
  }

  static PlanResult plan(Path dir, String source, Map<String, String> params)
      throws IOException {
    return new Slipway(REGISTRY).plan(check(dir, source), params);
  }
}
