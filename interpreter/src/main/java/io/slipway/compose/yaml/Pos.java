package io.slipway.compose.yaml;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/**
 * Where something was written in a YAML file: the file and the span of the node. Every value of
 * the compose model keeps one, so that a mistake found late (an undefined network, a missing
 * variable) is still reported at its line and column.
 */
public record Pos(SourceFile file, Span span) {
  public int line() {
    return file.line(span.start());
  }

  public int column() {
    return file.column(span.start());
  }

  /** {@code file:line:col}, as diagnostics print it. */
  @Override
  public String toString() {
    return file.name() + ":" + line() + ":" + column();
  }
}
