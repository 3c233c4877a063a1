package io.slipway.repl;

import io.slipway.check.CheckSession;
import io.slipway.check.FileModuleLoader;
import io.slipway.interp.Interpreter;
import io.slipway.pipeline.CommandRunners;
import io.slipway.pipeline.HostCommandRunner;
import io.slipway.run.EventSink;
import io.slipway.run.MaskingSink;
import io.slipway.run.Run;
import io.slipway.run.SecretMasker;
import io.slipway.run.SecretStore;
import io.slipway.run.Session;
import io.slipway.run.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The session's own top level, where input typed outside a paused run is checked and run:
 * one checker session and one interpreter whose globals persist between inputs (a later
 * declaration of a name replaces the earlier one), and a run of its own that holds what that
 * input creates (containers started at the prompt) until {@code :reset} or {@code :quit}.
 */
final class Scratch {
  private final Session session;
  private final Run run;
  private final Interpreter interp;
  private final CheckSession checker;

  Scratch(ReplConfig config, SecretMasker masker) {
    EventSink events = new MaskingSink(config.events(), masker);
    this.session = new Session("repl", config.dir(), events, masker, config.engineFactory());
    SecretStore secrets;
    try {
      secrets = SecretStore.load(config.environment(),
          config.dir().resolve(".slipway").resolve("secrets"), masker);
      secrets.registerFileValues();
    } catch (IOException e) {
      secrets = new SecretStore(config.environment(), Map.of(), masker);
    }
    session.secrets(secrets);
    config.provideEngines(session);
    session.scope().provide(Workspace.class, new Workspace(config.dir(), config.hostPaths()));
    session.scope().provide(CommandRunners.class,
        new CommandRunners(new HostCommandRunner(config.environment()), null));
    this.run = session.newRun("repl-" + UUID.randomUUID().toString().substring(0, 8));
    this.interp = new Interpreter(config.registry(), run, null, Map.of(), 10_000);
    this.checker = new CheckSession(config.registry(), new FileModuleLoader(config.dir()));
  }

  Session session() {
    return session;
  }

  Run run() {
    return run;
  }

  Interpreter interp() {
    return interp;
  }

  CheckSession checker() {
    return checker;
  }

  /** Removes what the input created and closes the engine connection. */
  List<String> close() {
    List<String> failures = new java.util.ArrayList<>(run.cleanup());
    failures.addAll(session.close());
    return failures;
  }
}
