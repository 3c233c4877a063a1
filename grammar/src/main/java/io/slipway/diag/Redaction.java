package io.slipway.diag;

/**
 * What a diagnostic must not show: the secrets known for the file it is about. Implemented by
 * the run's secret masker; {@link #NONE} knows none.
 */
public interface Redaction {
  /** {@code text} with every known secret replaced by {@code ****}. */
  String mask(String text);

  /** True when a known secret occurs in {@code line} overlapping {@code [from, to)}. */
  boolean overlapsSecret(String line, int from, int to);

  /** Knows no secret. */
  Redaction NONE = new Redaction() {
    @Override
    public String mask(String text) {
      return text;
    }

    @Override
    public boolean overlapsSecret(String line, int from, int to) {
      return false;
    }
  };
}
