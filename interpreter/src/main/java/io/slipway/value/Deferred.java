package io.slipway.value;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;

/**
 * A value that only a run can know, as {@code slipway plan} sees it: the result of a call that
 * may not run at plan time ({@code sh}, a Docker operation, an HTTP request), or anything
 * computed from one. It exists only while planning; a run never sees one.
 *
 * @param typeName the Slipway type the value will have (its declared result type), so that
 *     methods of that type still resolve and show up as planned operations; {@code Any} when
 *     not known
 * @param label how the value is shown in the plan: {@value #TEXT}, or the part that is known
 *     (the tag of an image still to be built, a template with a hole)
 * @param origin the call that could not be evaluated, which every value derived from it keeps
 */
public record Deferred(String typeName, String label, Origin origin) implements SlipObject {
  /** How an unknown value prints. */
  public static final String TEXT = "<computed at run time>";

  /**
   * The call that plan time cannot evaluate.
   *
   * @param text the call as written, shortened
   */
  public record Origin(SourceFile file, Span span, String text) {
    /** The call as written (shortened), with its line: {@code `sh("git rev-parse HEAD")` (line 3)}. */
    public String describe() {
      return "`" + text + "`" + (file == null || span == null ? ""
          : " (line " + file.line(span.start()) + ")");
    }
  }

  public Deferred {
    typeName = typeName == null ? "Any" : typeName;
    label = label == null ? TEXT : label;
  }

  /** A value of type {@code typeName} derived from this one, shown as {@code label}. */
  public Deferred derive(String type, String shownAs) {
    return new Deferred(type, shownAs, origin);
  }

  /** The first deferred value among {@code values}, or null. */
  public static Deferred first(Object... values) {
    for (Object v : values) {
      if (v instanceof Deferred d) {
        return d;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
