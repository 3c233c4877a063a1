package io.slipway.source;

/**
 * A half-open range {@code [start, end)} of UTF-16 offsets into a {@link SourceFile}'s text.
 *
 * <p>Offsets are UTF-16 units because that is what Java strings index; ANTLR counts code points,
 * so the parse facade converts once when it builds the AST.
 */
public record Span(int start, int end) {
  /** A span that points nowhere, for synthesized nodes. */
  public static final Span NONE = new Span(0, 0);

  public Span {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
  }

  /** The smallest span covering both. */
  public Span join(Span other) {
    return new Span(Math.min(start, other.start), Math.max(end, other.end));
  }

  public int length() {
    return end - start;
  }

  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
