package io.slipway.compose.up;

import io.slipway.engine.ResourceTracker;

/**
 * What {@link Lifecycle} reports while it works: progress lines as docker-compose prints them
 * ({@code Creating network "books_default"}, {@code Starting books_db_1 ... done}), warnings, and
 * each container, network or volume it created or started, which the caller owns from then on (a
 * pipeline run removes them when it ends unless {@code keep = true}).
 */
public interface Listener {
  void info(String line);

  void warning(String line);

  void owned(ResourceTracker.Kind kind, String id, String name);

  /** Ignores everything (tools and tests). */
  Listener NONE = new Listener() {
    @Override
    public void info(String line) {}

    @Override
    public void warning(String line) {}

    @Override
    public void owned(ResourceTracker.Kind kind, String id, String name) {}
  };
}
