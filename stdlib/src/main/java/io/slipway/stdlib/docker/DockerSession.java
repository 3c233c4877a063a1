package io.slipway.stdlib.docker;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineException;
import io.slipway.engine.EngineTarget;
import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.RegistryAuth;
import io.slipway.engine.ResourceTracker;
import io.slipway.engine.RunImages;
import io.slipway.engine.RunJournal;
import io.slipway.engine.RunLabels;
import io.slipway.engine.RunResources;
import io.slipway.interp.EngineFailures;
import io.slipway.run.Event;
import io.slipway.run.Run;
import io.slipway.value.SlipException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The Docker side of one run on one engine: the connected engine, the run's labels and names,
 * the resource tracker that removes what the run created there at the end, and (through
 * {@link RegistryAuths}) the credentials push and pull use. The default engine's session is a
 * service of the {@link Run}'s scope; the session of each {@link EngineTarget} an
 * {@code on(engine)} block names is kept in the run's {@link Targets}, so that the run tracks
 * and cleans up its resources per engine. Every session's tracker is registered with the run's
 * {@link RunResources}, through which a REPL's {@code :rerun}/{@code :reload} and the closing of
 * the run's journal reach every engine the run used.
 */
final class DockerSession {
  private final Run run;
  private final EngineTarget target;
  private final ContainerEngine engine;
  private final RunLabels labels;
  private final ResourceTracker tracker;
  private final RunImages images;
  private final RunJournal journal;
  private final AgentNetworks agentNetworks = new AgentNetworks();

  private DockerSession(Run run, EngineTarget target, ContainerEngine engine, RunJournal journal) {
    this.run = run;
    this.target = target;
    this.labels = RunLabels.forCurrentProcess(run.runId(), run.pipeline());
    this.engine = engine;
    this.journal = journal;
    this.images = new RunImages(engine, labels, journal);
    this.tracker = new ResourceTracker(engine, labels, run.flags().keep(),
        (kind, action, id, name, stage) -> {
          if (kind == ResourceTracker.Kind.NETWORK && action.equals("removed")) {
            // removed by a scope's end (a failed retry attempt): agents started later skip it
            agentNetworks.networkRemoved(id);
          }
          run.events().emit(new Event.Resource(Instant.now(), stage,
              kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), action, id, name));
        }, images);
  }

  /** The run's journal: what it created without labels, and what it kept. */
  RunJournal journal() {
    return journal;
  }

  /** The run's image references (hold references, journaled tags). */
  RunImages images() {
    return images;
  }

  /** The run's session on the default engine, connecting to the engine on first use. */
  static DockerSession of(Run run) {
    return of(run, null);
  }

  /**
   * The run's session on {@code target} (null: the default engine), connecting on first use;
   * the connection is the session's, shared by its runs and closed with it.
   */
  static DockerSession of(Run run, EngineTarget target) {
    try {
      // connect first, outside the attribute map: waiting there would hold its lock, and a
      // stage needing the session could then not be interrupted (a cancel, a stage timeout)
      // while another thread waits for an engine that does not answer
      RunResources resources = resources(run);
      RunJournal journal = resources.journal();
      if (target == null) {
        ContainerEngine e = run.engine();
        DockerSession existing = run.scope().service(DockerSession.class);
        if (existing != null) {
          return existing;
        }
        // the REPL's :rerun and :reload remove a stage's resources through the run's resources
        return run.service(DockerSession.class, () -> {
          DockerSession s = new DockerSession(run, null, e, journal);
          resources.addDefault(s.tracker);
          return s;
        });
      }
      ContainerEngine e = run.session().engine(target.key(), target.connect());
      return run.service(Targets.class, Targets::new).sessions.computeIfAbsent(target, t -> {
        // before anything is created there: a killed run's journal tells gc to look on this engine
        journal.engine(e.address(), t.tls());
        DockerSession s = new DockerSession(run, t, e, journal);
        resources.addOther(s.tracker, t.tls());
        return s;
      });
    } catch (EngineUnavailable e) {
      // the run ends with exit code 3 and this one-line message
      throw SlipException.unavailable(e.getMessage());
    }
  }

  /**
   * What the run made on every engine ({@link RunResources}), with the run's journal: images
   * carry no run labels, so the run's image references go to it (one per run, shared by its
   * engines: entries name their engine), closed (and deleted when nothing is left for gc) after
   * everything the run created was removed. Registered before any resource of the run, its
   * closing runs after their removals.
   */
  private static RunResources resources(Run run) {
    RunResources existing = run.scope().service(RunResources.class);
    if (existing != null) {
      return existing;
    }
    synchronized (run) {
      return run.service(RunResources.class, () -> {
        var r = new RunResources(new RunJournal(
            RunJournal.defaultDirectory(run.secrets().environment()),
            RunLabels.forCurrentProcess(run.runId(), run.pipeline())));
        run.onCleanup("close the run journal", r::close);
        return r;
      });
    }
  }

  /** The sessions of a run on engines other than the default one, by target. */
  static final class Targets {
    private final Map<EngineTarget, DockerSession> sessions = new ConcurrentHashMap<>();
  }

  /** The engine this session talks to, or null for the default engine. */
  EngineTarget target() {
    return target;
  }

  /** True when an agent on this engine sees the pipeline directory through a bind mount. */
  boolean sharesWorkspace() {
    return target == null && DockerAgentRunner.isLocal(engine.address())
        && !"copy".equals(System.getProperty("slipway.agent.workspace"));
  }

  Run run() {
    return run;
  }

  ContainerEngine engine() {
    return engine;
  }

  RunLabels labels() {
    return labels;
  }

  ResourceTracker tracker() {
    return tracker;
  }

  /** Which networks the stages' agents join. */
  AgentNetworks agentNetworks() {
    return agentNetworks;
  }

  /** Labels for a resource created by this run, plus the stage when known. */
  Map<String, String> labelsFor(String stage) {
    var m = new java.util.LinkedHashMap<>(labels.labels());
    if (stage != null) {
      m.put(RunLabels.STAGE, stage);
    }
    return m;
  }

  /** Credentials for the registry {@code ref} points at, or null. */
  RegistryAuth authFor(String ref) {
    return RegistryAuths.of(run).forRef(ref);
  }

  /** Pulls {@code ref} unless present locally ("pulled on first use"). */
  void ensureImage(String ref, Output out) {
    if (engine.inspectImage(ref).isEmpty()) {
      out.info("pulling " + ref);
      engine.pull(ref, authFor(ref), out.sink());
    }
  }

  /**
   * Runs an engine call, turning engine failures into Slipway {@code EngineError}s. A call cut
   * short by an interruption (stage timeout, cancel) surfaces as {@link InterruptedException},
   * which the interpreter turns into the interruption's reason ({@code Timeout}, cancellation).
   */
  static <T> T call(String operation, Supplier<T> body) {
    try {
      return body.get();
    } catch (EngineException e) {
      if (!(e instanceof EngineUnavailable) && Thread.currentThread().isInterrupted()) {
        throw DockerSession.<RuntimeException>sneaky(new InterruptedException(operation));
      }
      throw EngineFailures.toError(e, operation);
    }
  }

  /**
   * Creates a container named {@code engineName} (unique to this run) through {@code body}. When
   * the request is interrupted (a cancelled stage, a timeout), the engine may still have created
   * the container after the caller stopped waiting, so that nothing tracks it: the run then
   * removes a container of that name when it ends (nothing if there is none).
   */
  String createContainer(String operation, String engineName, Supplier<String> body) {
    try {
      return call(operation, body);
    } catch (Throwable t) {
      if (t instanceof InterruptedException && !run.flags().keep()) {
        run.onCleanup("remove container " + engineName + " (its create was interrupted)",
            () -> engine.removeContainer(engineName, true));
      }
      throw DockerSession.<RuntimeException>sneaky(t);
    }
  }

  /** Throws a checked exception through a Supplier: builtins may throw any Exception. */
  @SuppressWarnings("unchecked")
  static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
    throw (E) t;
  }
}
