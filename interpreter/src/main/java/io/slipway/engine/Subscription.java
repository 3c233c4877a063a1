package io.slipway.engine;

/** A running stream (followed logs, events); closing it stops the stream. */
public interface Subscription extends AutoCloseable {
  @Override
  void close();
}
