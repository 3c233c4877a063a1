package io.slipway.syntax.ast;

import io.slipway.source.Span;
import java.util.List;

/** {@code cond1, cond2 -> body}; an {@code else} branch has no conditions. */
public record WhenBranch(Span span, List<WhenCond> conditions, Expr body) implements Node {
  public WhenBranch {
    conditions = List.copyOf(conditions);
  }

  public boolean isElse() {
    return conditions.isEmpty();
  }
}
