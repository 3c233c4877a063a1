package io.slipway.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens during a run. Events are the single source every view is built from: the plain
 * CI lines, the live terminal view, {@code --json} (one event per line), the JUnit and HTML
 * reports. Secrets are masked before an event reaches any sink ({@link MaskingSink}).
 * {@code stage} is null for run-level events; {@code post} blocks report as stage {@code "post"}.
 */
public sealed interface Event {
  Instant time();

  /** A stage of the plan, as known before anything runs. */
  record StageInfo(String name, List<String> needs, String group) {
    public StageInfo {
      needs = List.copyOf(needs);
    }
  }

  record RunStarted(Instant time, String runId, String pipeline, long buildNumber, String file,
      List<StageInfo> stages) implements Event {
    public RunStarted {
      stages = List.copyOf(stages);
    }
  }

  record StageStarted(Instant time, String stage) implements Event {}

  /** {@code error} is the rendered failure (stage, line, operation) or null. */
  record StageFinished(Instant time, String stage, Status status, Duration duration, String error)
      implements Event {}

  /** A step: an {@code sh}, a Docker operation, an {@code echo}. {@code line} is 1-based. */
  record StepStarted(Instant time, String stage, int step, String description, int line)
      implements Event {}

  /** {@code exitCode} is null for steps that are not commands. */
  record StepFinished(Instant time, String stage, int step, Status status, Duration duration,
      Integer exitCode) implements Event {}

  /** One line of output. */
  record Log(Instant time, String stage, Stream stream, String line) implements Event {}

  /** A container, network or volume the run created or removed. */
  record Resource(Instant time, String stage, String kind, String action, String id, String name)
      implements Event {}

  record RunFinished(Instant time, Status status, Duration duration, String error, int exitCode)
      implements Event {}

  /** Where a log line came from. */
  enum Stream {
    STDOUT, STDERR, INFO
  }
}
