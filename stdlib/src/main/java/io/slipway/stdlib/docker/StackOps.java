package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.compose.load.ComposeLoader;
import io.slipway.compose.up.ComposeException;
import io.slipway.compose.up.Lifecycle;
import io.slipway.compose.up.Listener;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.DiagnosticRenderer;
import io.slipway.engine.ContainerInfo;
import io.slipway.engine.ResourceTracker;
import io.slipway.run.Run;
import io.slipway.value.SlipException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The logic behind {@code compose(..)} and the {@code Stack}/{@code Service} members. */
final class StackOps {
  private StackOps() {}

  /** Loads the files (relative to {@code build.dir}); errors fail the call with every diagnostic shown. */
  static StackValue load(CallContext cx, List<?> files, Map<String, String> env, String project) {
    Run run = Calls.run(cx);
    if (files.isEmpty()) {
      throw SlipException.error("`compose` needs at least one compose file");
    }
    List<Path> paths = new ArrayList<>();
    for (Object f : files) {
      paths.add(run.dir().resolve(String.valueOf(f)).normalize());
    }
    ComposeLoader.Result r = ComposeLoader.load(new ComposeLoader.Options(paths, env,
        run.secrets() == null ? System.getenv() : run.secrets().environment(), project, run.dir()));
    Output out = Calls.output(cx, false);
    var renderer = new DiagnosticRenderer(false);
    for (Diagnostic w : r.warnings()) {
      renderer.render(w).lines().forEach(out::info);
    }
    if (r.failed()) {
      StringBuilder sb = new StringBuilder();
      List<Diagnostic> errors = r.errors();
      Diagnostic first = errors.get(0);
      sb.append("compose: ").append(first.file().name()).append(':').append(first.line()).append(':')
          .append(first.column()).append(": ").append(first.message());
      if (errors.size() > 1) {
        sb.append(" (and ").append(errors.size() - 1).append(" more)");
      }
      sb.append('\n').append(renderer.render(errors).stripTrailing());
      throw SlipException.error(sb.toString());
    }
    return new StackValue(r.project());
  }

  /**
   * The lifecycle on the run's engine. What it creates or starts belongs to the run (labelled with
   * the run's labels and removed when the run ends) unless {@code keep}.
   */
  static Lifecycle lifecycle(CallContext cx, StackValue stack, boolean keep) {
    DockerSession s = Calls.session(cx);
    String stage = Calls.stageName(cx);
    Output out = Calls.output(cx, false);
    boolean owned = !keep && !Calls.run(cx).flags().keep();
    // captured here: the listener is called from the lifecycle's worker threads
    var scope = cx.scope();
    Map<String, String> labels = owned ? s.labelsFor(stage) : Map.of();
    Listener listener = new Listener() {
      @Override
      public void info(String line) {
        out.info(line);
      }

      @Override
      public void warning(String line) {
        out.info("warning: " + line);
      }

      @Override
      public void owned(ResourceTracker.Kind kind, String id, String name) {
        if (owned) {
          s.tracker().created(scope, kind, id, name, stage);
        }
      }
    };
    return new Lifecycle(s.engine(), stack.project(), labels, listener, out.sink());
  }

  /** Runs a lifecycle operation; a compose-level failure is a Slipway {@code Error}. */
  static <T> T call(Op<T> op) throws InterruptedException {
    try {
      return op.run();
    } catch (ComposeException e) {
      throw SlipException.error(e.getMessage());
    }
  }

  /** A lifecycle operation. */
  @FunctionalInterface
  interface Op<T> {
    T run() throws InterruptedException;
  }

  /** {@code docker-compose ps}-like: one container a line. */
  static String table(List<ContainerInfo> cs) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "SERVICE", "STATE", "PORTS"});
    for (ContainerInfo c : cs) {
      List<String> ports = new ArrayList<>();
      new java.util.TreeMap<>(c.ports()).forEach((k, v) -> ports.add(v + "->" + k));
      rows.add(new String[] {c.name(), c.labels().getOrDefault("com.docker.compose.service", ""), c.state().describe(),
          String.join(", ", ports)});
    }
    int[] w = new int[4];
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      for (int i = 0; i < 4; i++) {
        sb.append(i < 3 ? String.format("%-" + (w[i] + 2) + "s", r[i]) : r[i]);
      }
      sb.append('\n');
    }
    return sb.toString().lines().map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
  }

  /** A {@code Container} value for a compose container. */
  static ContainerValue container(ContainerInfo c, String network, io.slipway.engine.EngineTarget engine) {
    return new ContainerValue(c.id(), c.name(), c.name(), c.image(), network, engine);
  }
}
