package io.slipway.syntax.ast;

/**
 * What the checker resolved a call to, for the interpreter: set once while checking, read when
 * running, so both agree on which overload of a builtin ({@code run { }} or
 * {@code run(image = ..)}) or which nullable-receiver builtin ({@code s.orEmpty()} on a null
 * {@code String?}) a call means. It is an annotation, not part of the tree's structure: every
 * resolution equals every other, so parsed trees still compare structurally.
 */
public final class Resolution {
  private volatile Object target;

  /** The checker's choice, or null when it made none (an ordinary call). */
  public Object target() {
    return target;
  }

  /** Records the checker's choice (an object of the interpreter's, opaque here). */
  public void target(Object chosen) {
    this.target = chosen;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resolution;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "Resolution";
  }
}
