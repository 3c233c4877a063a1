package io.slipway.engine.explain;

import io.slipway.engine.ContainerEngine;
import io.slipway.engine.EngineDecorator;
import io.slipway.engine.TlsFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The switch and the destination shared by every {@link ExplainingEngine} of a session: a REPL
 * session opens several engine connections (its own top level, each run), and {@code :explain
 * on|off} must reach all of them. Wrap the session's engine factory with {@link #wrap(Supplier)}
 * and toggle with {@link #enabled(boolean)}; {@link #base(Path)} follows {@code :load}. As the
 * session's {@link EngineDecorator} it also wraps the engines pipelines name with
 * {@code docker(host, tls)}, their commands carrying {@code -H HOST} and the TLS flags.
 */
public final class Explanations implements EngineDecorator {
  private final Consumer<String> out;
  private final List<String> globalFlags;
  private volatile boolean enabled;
  private volatile Path base;

  /**
   * @param out receives each line ({@code $ docker ...}) on the thread doing the operation; route
   *     it through the session's masking sink ({@link ExplainingEngine#toEvents}) so that
   *     secrets in {@code -e} values are masked
   * @param base the pipeline's directory (paths are shown relative to it)
   */
  public Explanations(Consumer<String> out, Path base) {
    this(out, base, List.of());
  }

  /** As above, with global docker CLI flags ({@code -H ADDRESS}) for a non-default engine. */
  public Explanations(Consumer<String> out, Path base, List<String> globalFlags) {
    this.out = out;
    this.base = base == null ? Path.of("") : base;
    this.globalFlags = List.copyOf(globalFlags);
  }

  /** An engine factory whose engines explain themselves through this switch. */
  public Supplier<ContainerEngine> wrap(Supplier<ContainerEngine> factory) {
    return () -> new ExplainingEngine(factory.get(), this);
  }

  /**
   * Another engine a pipeline names ({@code docker(host, tls)}), explaining itself through this
   * switch with the global flags that reach it ({@code docker -H tcp://... --tlsverify ...}):
   * provided as the session's {@link EngineDecorator}.
   */
  @Override
  public ContainerEngine decorate(ContainerEngine engine, String host, TlsFiles tls) {
    return new ExplainingEngine(engine, this, ExplainingEngine.engineFlags(host, tls, base));
  }

  public void enabled(boolean on) {
    enabled = on;
  }

  public boolean enabled() {
    return enabled;
  }

  /** Paths are shown relative to {@code dir} from now on. */
  public void base(Path dir) {
    base = dir == null ? Path.of("") : dir;
  }

  Path base() {
    return base;
  }

  List<String> globalFlags() {
    return globalFlags;
  }

  void say(String line) {
    out.accept(line);
  }
}
