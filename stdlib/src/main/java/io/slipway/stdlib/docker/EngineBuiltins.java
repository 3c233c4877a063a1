package io.slipway.stdlib.docker;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineConnector;
import io.slipway.engine.EngineDecorator;
import io.slipway.engine.EngineTarget;
import io.slipway.engine.EngineUnavailable;
import io.slipway.engine.TlsFiles;
import io.slipway.engine.docker.DockerJavaEngine;
import io.slipway.engine.docker.EngineTimeouts;
import io.slipway.run.Workspace;
import io.slipway.scope.ResourceScope;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Remote engines (spec §7): {@code docker(host, tls)}, {@code tls(ca, cert, key)} and
 * {@code on(engine) { }}. The engine of every Docker call is resolved from the innermost
 * {@code on} block's scope ({@link EngineTarget}), so that the block switches engines for
 * everything inside it, in nested blocks and on each stage's own thread, while containers,
 * networks and volumes keep talking to the engine they were created on.
 */
public final class EngineBuiltins implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Docker: remote engines");
    d.fn("docker").param("host", "String").param("tls", "Tls?", null, "null").returns("Engine")
        .doc("""
            A Docker engine at `host` (`tcp://prod.example:2376`, `unix:///path/docker.sock`), \
            reached with mutual TLS when `tls` is given. Nothing connects until a step inside \
            `on(engine) { }` (or `deploy(.., on = engine)`) needs the engine; the connection is \
            kept for the session. A wrong CA or client certificate fails that step with one \
            `TLS: ...` line (exit code 3).""")
        .impl((cx, r, a) -> engine(cx, (String) a[0], (TlsValue) a[1]));
    d.fn("tls").param("ca", "String").param("cert", "String").param("key", "String").returns("Tls")
        .effects(Effect.FILES)
        .doc("""
            The PEM files of a mutual-TLS engine connection, relative to `build.dir`: the CA that \
            signed the engine's certificate, the client certificate and its private key. Each \
            must be a readable file.""")
        .impl((cx, r, a) -> tls(cx, (String) a[0], (String) a[1], (String) a[2]));
    d.fn("on").typeParams("T").param("engine", "Engine").param("block", "() -> T").returns("T")
        .effects(Effect.DOCKER)
        .doc("""
            Runs the block with every Docker step going to `engine`: containers, networks, \
            volumes, builds (their context is sent there), pulls and pushes, compose stacks, and \
            `sh` in the stage's agent (an agent of the same image on that engine, the workspace \
            copied in, not bind-mounted). Blocks nest (the innermost wins) and each stage's \
            blocks are its own, also in `parallel`. Containers, networks and volumes created \
            inside keep using that engine after the block; the run removes them from it when it \
            ends. Returns the block's value.""")
        .impl((cx, r, a) -> on(cx, (EngineValue) a[0], a[1]));
  }

  private static EngineValue engine(CallContext cx, String host, TlsValue tls) {
    if (!host.startsWith("tcp://") && !host.startsWith("unix://")) {
      throw SlipException.error("docker(host): `" + host + "` is not an engine address: use "
          + "tcp://HOST:PORT or unix:///PATH");
    }
    if (tls != null && !host.startsWith("tcp://")) {
      throw SlipException.error("docker(host, tls): TLS needs a tcp:// address, not `" + host + "`");
    }
    TlsFiles files = tls == null ? null : tls.files();
    String key = host + (files == null ? "" : "|" + files.ca() + "|" + files.cert() + "|" + files.key());
    EngineConnector connector = connector(cx);
    EngineDecorator decorator = cx.session().scope().service(EngineDecorator.class);
    var target = new EngineTarget(key, host, files, () -> connect(connector, decorator, host, files));
    return new EngineValue(target, host, tls);
  }

  /** The session's connector (tests install in-memory engines), else docker-java's. */
  private static EngineConnector connector(CallContext cx) {
    EngineConnector c = cx.session().scope().service(EngineConnector.class);
    return c != null ? c : (host, files) -> {
      EngineTimeouts timeouts;
      try {
        timeouts = EngineTimeouts.from(System.getenv());
      } catch (IllegalArgumentException e) {
        throw new EngineUnavailable(host, e.getMessage());
      }
      return DockerJavaEngine.connectTls(host, files, timeouts);
    };
  }

  /** Connects, then lets the session's decorator (the REPL's {@code :explain}) wrap the engine. */
  private static ContainerEngine connect(EngineConnector connector, EngineDecorator decorator,
      String host, TlsFiles files) {
    ContainerEngine e = connector.connect(host, files);
    return decorator == null ? e : decorator.decorate(e, host, files);
  }

  private static TlsValue tls(CallContext cx, String ca, String cert, String key) {
    Workspace ws = Workspace.of(cx.run());
    return new TlsValue(new TlsFiles(file(ws, "ca", ca), file(ws, "cert", cert), file(ws, "key", key)));
  }

  private static Path file(Workspace ws, String param, String path) {
    Path p = ws.resolve("tls(" + param + ")", path);
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw SlipException.error("tls(" + param + "): `" + path + "` is not a readable file");
    }
    return p;
  }

  private static Object on(CallContext cx, EngineValue engine, Object block) {
    ResourceScope inner = cx.scope().child(ResourceScope.Kind.BLOCK, "on " + engine.host());
    inner.provide(EngineTarget.class, engine.target());
    try {
      return cx.inScope(inner, () -> cx.invoke(block, List.of()));
    } finally {
      // what lives for the run (containers, networks) moves to the enclosing scope and is
      // removed from this engine when the run ends; only block-scoped registrations run now
      inner.commit();
    }
  }
}
