package io.slipway.interp;

/**
 * Non-local control flow as stackless exceptions (jlox {@code Return}, SimpleLanguage
 * {@code SLReturnException}): cheap to throw, never seen by users.
 */
final class Signals {
  private Signals() {}

  /** {@code break}, or {@code break@label} (then only the loop with that label stops). */
  static final class Break extends RuntimeException {
    static final Break INSTANCE = new Break(null);
    final String label;

    Break(String label) {
      super(null, null, false, false);
      this.label = label;
    }

    static Break of(String label) {
      return label == null ? INSTANCE : new Break(label);
    }

    boolean matches(String loopLabel) {
      return label == null || label.equals(loopLabel);
    }
  }

  /** {@code continue}, or {@code continue@label}. */
  static final class Continue extends RuntimeException {
    static final Continue INSTANCE = new Continue(null);
    final String label;

    Continue(String label) {
      super(null, null, false, false);
      this.label = label;
    }

    static Continue of(String label) {
      return label == null ? INSTANCE : new Continue(label);
    }

    boolean matches(String loopLabel) {
      return label == null || label.equals(loopLabel);
    }
  }

  /**
   * {@code return value}: unwinds to the enclosing function call, also out of the lambdas of
   * inline-like builtins ({@code forEach}, {@code map}, ...), as Kotlin's non-local return does.
   * {@code return@label value} ({@code label} set) ends only the lambda with that label.
   */
  static final class Return extends RuntimeException {
    final Object value;
    final String label;

    Return(Object value) {
      this(value, null);
    }

    Return(Object value, String label) {
      super(null, null, false, false);
      this.value = value;
      this.label = label;
    }
  }
}
