package io.slipway.glob;

/**
 * A glob pattern that is not valid in Slipway's dialect. {@link #index()} is the 0-based offset
 * in the pattern where the problem is, so callers can point at it.
 */
public final class GlobSyntaxException extends Exception {
  private final String pattern;
  private final int index;
  private final String reason;

  GlobSyntaxException(String pattern, int index, String reason) {
    super("invalid glob `" + pattern + "` at column " + (index + 1) + ": " + reason);
    this.pattern = pattern;
    this.index = index;
    this.reason = reason;
  }

  public String pattern() {
    return pattern;
  }

  /** 0-based offset of the offending character in {@link #pattern()}. */
  public int index() {
    return index;
  }

  /** What is wrong, without the pattern (e.g. "unclosed `[`"). */
  public String reason() {
    return reason;
  }
}
