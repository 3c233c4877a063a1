package io.slipway.engine;

/** One line a container, an exec or a build wrote, without its line terminator. */
public record LogLine(Stream stream, String text) {
  /** Which output stream a chunk or line came from. */
  public enum Stream {
    STDOUT, STDERR
  }
}
