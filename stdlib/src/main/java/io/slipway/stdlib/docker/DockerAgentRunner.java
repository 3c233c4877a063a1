package io.slipway.stdlib.docker;

import io.slipway.engine.ContainerSettling;
import io.slipway.engine.ContainerSpec;
import io.slipway.engine.EngineException;
import io.slipway.engine.ExecSpec;
import io.slipway.engine.LineSplitter;
import io.slipway.engine.LogLine;
import io.slipway.engine.Mount;
import io.slipway.engine.NotFound;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.RunLabels;
import io.slipway.engine.tar.TarWriter;
import io.slipway.pipeline.AgentRunner;
import io.slipway.pipeline.CommandRunner;
import io.slipway.pipeline.StageContext;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.value.ExecResult;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a stage's {@code sh} steps in its agent container: one container per stage attempt,
 * started on the first command with the workspace at {@code /workspace} (a bind mount of
 * {@code build.dir} on a local engine, a copy on a remote one), kept alive by a shell that exits
 * on SIGTERM, joined to the stage's networks ({@link AgentNetworks}), and removed when the stage ends (in the background; the run's cleanup waits for
 * that). Commands run through exec with the step's environment; the container's working
 * directory is {@code /workspace}. Commands go through one long-lived shell per agent
 * ({@link AgentShell}); {@code -Dslipway.agent.steps=exec} uses one exec per command instead.
 */
public final class DockerAgentRunner implements AgentRunner {
  static final String WORKSPACE = "/workspace";
  private static final List<String> KEEP_ALIVE = List.of("sh", "-c",
      "trap 'exit 0' TERM INT; while :; do sleep 3600 & wait $!; done");
  private final AtomicInteger counter = new AtomicInteger();

  @Override
  public CommandRunner open(Object image, StageContext stage) {
    return open(image, stage, null);
  }

  @Override
  public CommandRunner open(Object image, StageContext stage, io.slipway.engine.EngineTarget engine) {
    Run run = stage.run();
    DockerSession s = DockerSession.of(run, engine);
    String ref = Calls.engineImage(image);
    // -Dslipway.agent.workspace=copy forces the remote-engine behaviour (tests, rootless setups)
    boolean local = s.sharesWorkspace();
    String name = s.labels().scoped("agent-" + sanitize(stage.name()) + "-" + counter.incrementAndGet());
    var b = ContainerSpec.builder(ref).name(name).entrypoint(KEEP_ALIVE)
        .labels(s.labelsFor(stage.name())).workdir(WORKSPACE);
    if (local) {
      b.mount(Mount.bind(run.dir().toAbsolutePath().toString(), WORKSPACE));
    }
    ContainerSpec spec = b.build();
    // create first and pull only if the engine lacks the image: one round trip less per agent
    String id = s.createContainer("create agent " + ref, name, () -> {
      try {
        return s.engine().createContainer(spec);
      } catch (NotFound noImage) {
        pull(s, ref, stage);
        return s.engine().createContainer(spec);
      }
    });
    // registered for the run (whose cleanup waits for the background removal, or removes it
    // itself), and removed in the background as soon as this attempt ends
    s.tracker().created(stage.scope(), ResourceTracker.Kind.CONTAINER, id, name, stage.name());
    if (!run.flags().keep()) {
      stage.scope().onClose("remove agent " + name,
          () -> s.tracker().removeInBackground(ResourceTracker.Kind.CONTAINER, id, name));
    }
    stage.scope().onClose("forget agent networks", () -> s.agentNetworks().stageEnded(stage));
    // the stage's services are reachable by name from its commands
    for (String network : s.agentNetworks().agentCreated(stage, id)) {
      DockerSession.call("connect the agent to its stage's network", () -> {
        s.engine().connectNetwork(network, id, List.of());
        return null;
      });
    }
    DockerSession.call("start agent " + ref, () -> {
      s.engine().startContainer(id);
      return null;
    });
    if (!local) {
      copyWorkspace(s, id, run.dir());
    }
    AgentShell shell = null;
    if (!"exec".equals(System.getProperty("slipway.agent.steps"))) {
      try {
        shell = AgentShell.open(s.engine(), id);
        AgentShell opened = shell;
        stage.scope().onClose("close agent shell", opened::close);
      } catch (RuntimeException e) {
        shell = null; // no attach support: every command uses its own exec
      }
    }
    return new Runner(s, id, run.dir(), shell);
  }

  /** Pulls the agent's image ("pulled on first use"), reported as the stage's output. */
  private static void pull(DockerSession s, String ref, StageContext stage) {
    Run run = stage.run();
    Output out = new Output(run.events(), run.masker(), stage.name(), false);
    DockerSession.call("pull " + ref, () -> {
      s.ensureImage(ref, out);
      return null;
    });
    out.finish();
  }

  /**
   * Connects the run's Docker session ahead of the first agent (engine, labels, host name) and
   * seeds the random source the agent shell's tokens come from; a failure is left for the
   * stage that really needs the engine to report.
   */
  @Override
  public void prepare(Run run) {
    try {
      RunLabels.hostName(); // looked up while the early connection is still under way
      DockerSession.of(run);
      UUID.randomUUID();
    } catch (RuntimeException later) {
      // reported by the first real use
    }
  }

  /** True when the engine runs on this machine, so a bind mount sees the pipeline directory. */
  static boolean isLocal(String address) {
    return address.startsWith("unix://") || address.startsWith("npipe://")
        || address.contains("://localhost") || address.contains("://127.0.0.1");
  }

  static String sanitize(String stage) {
    String s = stage.replaceAll("[^a-zA-Z0-9_.-]", "-");
    return s.isEmpty() ? "stage" : s;
  }

  private static void copyWorkspace(DockerSession s, String id, Path dir) {
    try {
      var in = new PipedInputStream(64 * 1024);
      var pipe = new PipedOutputStream(in);
      Thread writer = Thread.ofVirtual().start(() -> {
        try (TarWriter tar = new TarWriter(pipe); Stream<Path> walk = Files.walk(dir)) {
          for (Path p : (Iterable<Path>) walk::iterator) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            tar.add(p, rel.isEmpty() ? "workspace" : "workspace/" + rel);
          }
        } catch (IOException e) {
          // the engine reports the truncated archive
        }
      });
      try (in) {
        DockerSession.call("copy the workspace into the agent", () -> {
          s.engine().copyTo(id, "/", in);
          return null;
        });
      }
      writer.join();
    } catch (IOException e) {
      throw io.slipway.value.SlipException.engine("copy the workspace into the agent: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Execs commands in one agent container. */
  private record Runner(DockerSession s, String id, Path dir, AgentShell shell) implements CommandRunner {
    @Override
    public ExecResult run(Command command, OutputSink output) throws InterruptedException {
      long start = System.nanoTime();
      if (shell != null && shell.usable()) {
        try {
          var o = shell.run(command.commandLine(), command.env(), workdir(command), l -> output.line(
              l.stream() == LogLine.Stream.STDERR ? Event.Stream.STDERR : Event.Stream.STDOUT, l.text()));
          failIfAgentDied(command, o.exitCode());
          return new ExecResult(o.exitCode(), o.stdout(), o.stderr(), Duration.ofNanos(System.nanoTime() - start));
        } catch (AgentShell.Gone gone) {
          throw agentEnded(command, gone.sent);
        } catch (IllegalStateException e) {
          // the shell is gone before the command was sent: run it through exec
        }
      }
      var stdout = io.slipway.engine.CappedBuffer.configured();
      var stderr = io.slipway.engine.CappedBuffer.configured();
      var lines = new LineSplitter(l -> output.line(
          l.stream() == LogLine.Stream.STDERR ? Event.Stream.STDERR : Event.Stream.STDOUT, l.text()));
      io.slipway.engine.OutputSink sink = (stream, chunk) -> {
        synchronized (stdout) {
          (stream == LogLine.Stream.STDERR ? stderr : stdout).write(chunk);
        }
        lines.write(stream, chunk);
      };
      String workdir = workdir(command);
      int code;
      try {
        code = s.engine().exec(id, new ExecSpec(command.commandLine(), command.env(), workdir, null), sink);
      } catch (EngineException e) {
        if (Thread.interrupted()) {
          throw new InterruptedException("interrupted");
        }
        throw io.slipway.value.SlipException.engine("exec `" + command.display() + "` in the agent: " + e.getMessage());
      }
      lines.flush();
      failIfAgentDied(command, code);
      return new ExecResult(code, stdout.text(), stderr.text(),
          Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * A dead agent ends its command too (with a signal's code, or none): when the command failed
     * that way and the agent stopped, say so instead of blaming the command. The engine may
     * report the command's end before the container's, so a signal code waits (bounded) for the
     * container's state to settle.
     */
    private void failIfAgentDied(Command command, int code) throws InterruptedException {
      if (code == 0) {
        return;
      }
      var state = agentState(ContainerSettling.maybeContainerDeath(code)
          ? ContainerSettling.SIGNAL_EXIT : Duration.ZERO);
      if (state.isPresent() && !state.get().running()) {
        throw ended(command, state.get(), true);
      }
    }

    /** The agent's state once settled (see {@link ContainerSettling}); empty when it no longer exists. */
    private java.util.Optional<io.slipway.engine.ContainerState> agentState(Duration settle)
        throws InterruptedException {
      try {
        return ContainerSettling.settle(s.engine(), id, settle);
      } catch (EngineException e) {
        throw io.slipway.interp.EngineFailures.toError(e, "inspect the agent");
      }
    }

    /**
     * The step's failure when the agent's shell ended before or while running {@code command}:
     * the stream's end usually means the container is dying, which the engine may not show yet.
     */
    private RuntimeException agentEnded(Command command, boolean sent) throws InterruptedException {
      var state = agentState(ContainerSettling.STREAM_ENDED);
      if (state.isPresent() && state.get().running()) {
        return io.slipway.value.SlipException.engine("the agent's shell ended "
            + (sent ? "while running `" + command.display() + "`" : "before `" + command.display() + "`")
            + " (the agent container is still running)");
      }
      return state.<RuntimeException>map(st -> ended(command, st, sent))
          .orElseGet(() -> io.slipway.value.SlipException.engine("the agent container was removed "
              + (sent ? "while running `" + command.display() + "`" : "before `" + command.display() + "`")));
    }

    private static RuntimeException ended(Command command, io.slipway.engine.ContainerState st, boolean sent) {
      return io.slipway.value.SlipException.engine("the agent container exited (" + st.exitSummary() + ") "
          + (sent ? "while running `" + command.display() + "`" : "before `" + command.display() + "`"));
    }

    /** The command's directory inside the agent: {@code /workspace} for {@code build.dir}. */
    private String workdir(Command command) {
      if (command.workdir() != null && command.workdir().toAbsolutePath().startsWith(dir.toAbsolutePath())) {
        String rel = dir.toAbsolutePath().relativize(command.workdir().toAbsolutePath()).toString();
        return rel.isEmpty() ? WORKSPACE : WORKSPACE + "/" + rel.replace('\\', '/');
      }
      return WORKSPACE;
    }
  }
}
