package io.slipway.engine;

/**
 * The container engine as Slipway sees it: a narrow interface owned by Slipway, so that the
 * interpreter never sees docker-java and tests can use a fake. Every Docker call goes through
 * here. (Operations are added by the engine layer; see {@code io.slipway.engine.docker}.)
 */
public interface ContainerEngine extends AutoCloseable {
  /** A human-readable address of the engine, e.g. {@code unix:///var/run/docker.sock}. */
  String address();

  @Override
  void close();
}
