package io.slipway.interp;

/**
 * Non-local control flow as stackless exceptions (jlox {@code Return}, SimpleLanguage
 * {@code SLReturnException}): cheap to throw, never seen by users.
 */
final class Signals {
  private Signals() {}

  /** {@code break}. */
  static final class Break extends RuntimeException {
    static final Break INSTANCE = new Break();

    private Break() {
      super(null, null, false, false);
    }
  }

  /** {@code continue}. */
  static final class Continue extends RuntimeException {
    static final Continue INSTANCE = new Continue();

    private Continue() {
      super(null, null, false, false);
    }
  }

  /** {@code return value}: unwinds to the enclosing function call. */
  static final class Return extends RuntimeException {
    final Object value;

    Return(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }
}
