package io.slipway.syntax.ast;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import java.util.List;

/** One parsed file: its top-level statements and declarations in source order. */
public record Program(Span span, SourceFile file, List<Stmt> items) implements Node {
  public Program {
    items = List.copyOf(items);
  }
}
