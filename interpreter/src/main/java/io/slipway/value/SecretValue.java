package io.slipway.value;

/**
 * A {@code Secret}. Its {@code toString} is the mask so that no accidental print leaks it; only
 * code that hands it to a credential sink reads {@link #reveal()}.
 */
public record SecretValue(String name, String value) {
  public static final String MASK = "****";

  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
