package io.slipway.cli;

import io.slipway.api.RunOptions;
import io.slipway.api.RunResult;
import io.slipway.cli.view.HtmlReport;
import io.slipway.cli.view.JsonView;
import io.slipway.cli.view.JunitReport;
import io.slipway.cli.view.LiveView;
import io.slipway.cli.view.PlainView;
import io.slipway.cli.view.RunModel;
import io.slipway.run.Event;
import io.slipway.run.EventSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slipway run}: checks the file (nothing runs unless it checks clean), then runs the
 * pipeline with the chosen views: the live view on a terminal, plain prefixed lines otherwise,
 * JSON lines with {@code --json}; {@code --junit} and {@code --report} are written when the run
 * ends, whatever its outcome. Exit 0 success, 1 pipeline failed, 2 check errors, 3 engine,
 * 130/143 interrupted.
 */
@Command(name = "run", description = "Check, then run a pipeline.")
final class RunCommand implements Callable<Integer> {
  private final Cli cli;

  @Mixin
  PipelineInput input = new PipelineInput();

  @Option(names = "--stage", paramLabel = "NAME", description = "Run only this stage.")
  String stage;

  @Option(names = "--json", description = "Write one JSON object per event per line on stdout.")
  boolean json;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report.")
  Path junit;

  @Option(names = "--report", paramLabel = "FILE.html",
      description = "Write a self-contained HTML report with a timeline.")
  Path report;

  @Option(names = "--keep", description = "Keep containers, networks and volumes for inspection.")
  boolean keep;

  @Option(names = "--approve", description = "Answer yes to every approve(...) gate.")
  boolean approve;

  @Option(names = "--plain", description = "Plain prefixed lines even on a terminal.")
  boolean plain;

  @Option(names = "--break-on-failure", description = "At an unhandled failure, open the REPL "
      + "at the failing step, with its scope and containers kept.")
  boolean breakOnFailure;

  @Option(names = "--pause", description = "Open the REPL paused before the first stage.")
  boolean pause;

  RunCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    if (breakOnFailure || pause) {
      if (input.check(cli) == null) {
        return ExitCode.USAGE;
      }
      return DebugRun.run(cli, input, breakOnFailure, pause, stage != null || json
          || junit != null || report != null || keep);
    }
    // a file that uses Docker starts connecting as soon as it is parsed, beside its check
    var engine = new Engines.Early();
    try {
      return run(engine);
    } finally {
      engine.closeUnclaimed();
    }
  }

  private int run(Engines.Early engine) {
    var checked = input.check(cli, program -> {
      if (io.slipway.pipeline.DockerUse.usesDocker(cli.warmup().registry(), List.of(program))) {
        engine.start();
      }
    });
    if (checked == null) {
      return ExitCode.USAGE;
    }
    var model = new RunModel();
    LiveView live = null;
    EventSink view;
    if (json) {
      view = new JsonView(cli.out());
    } else if (cli.tty().live() && !plain) {
      live = new LiveView(cli.out(), cli.tty().width(), cli.tty().height(), cli.tty().color());
      view = live;
    } else {
      view = new PlainView(cli.out());
    }
    List<Event.Resource> removed = new CopyOnWriteArrayList<>();
    EventSink sink = model.and(view).and(e -> {
      if (e instanceof Event.Resource r && "removed".equals(r.action())) {
        removed.add(r);
      }
    });
    boolean interactive = cli.tty().interactive() && !approve;
    var approver = new TerminalApprover(cli, live);
    var control = new RunControl();
    RunOptions options = RunOptions.defaults()
        .withParams(input.params)
        .withOnlyStage(stage)
        .withEvents(sink)
        .withKeep(keep)
        .withApproveAll(approve)
        .withApprover(interactive ? approver : null)
        .withEngineFactory(engine)
        .withEnvironment(cli.env())
        .withHostPaths(input.hostPaths)
        .withDebug(input.debug)
        .withOnStart(control::attach);
    RunResult result;
    try (var signals = new Interrupts(cli.err(), reason -> {
      approver.cancel();
      control.cancel(reason);
    }).install()) {
      try {
        result = checked.slipway().run(checked.result(), options);
      } finally {
        if (live != null) {
          live.close();
        }
      }
      if (signals.interrupted()) {
        cleanupReport(removed);
        writeReports(model);
        return signals.exitCode();
      }
    }
    int reportCode = writeReports(model);
    if (result.exitCode() == ExitCode.USAGE && result.error() != null) {
      cli.err().print(result.error().endsWith("\n") ? result.error() : result.error() + "\n");
    } else if (result.exitCode() == ExitCode.INFRASTRUCTURE && result.error() != null) {
      cli.err().println("error: " + firstLine(result.error()));
    }
    return result.exitCode() == ExitCode.OK ? reportCode : result.exitCode();
  }

  private void cleanupReport(List<Event.Resource> removed) {
    if (removed.isEmpty()) {
      cli.err().println("slipway: cleanup done, nothing to remove");
    } else {
      cli.err().println("slipway: cleanup removed " + String.join(", ", removed.stream()
          .map(r -> r.kind() + " " + (r.name() == null || r.name().isEmpty() ? r.id() : r.name()))
          .toList()));
    }
  }

  /** Writes the requested reports; 3 if one cannot be written, else 0. */
  private int writeReports(RunModel model) {
    int code = ExitCode.OK;
    RunModel.Snapshot run = model.snapshot();
    if (junit != null) {
      code = Math.max(code, write(junit, JunitReport.render(run)));
    }
    if (report != null) {
      code = Math.max(code, write(report, HtmlReport.render(run)));
    }
    return code;
  }

  private int write(Path target, String content) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      java.nio.file.Files.writeString(target, content);
      return ExitCode.OK;
    } catch (IOException e) {
      cli.err().println("error: cannot write " + target + ": " + e.getMessage());
      return ExitCode.INFRASTRUCTURE;
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
