package io.slipway.value;

import java.util.Objects;

/**
 * A {@code Secret}. Nothing observable is derived from its value: {@code toString} is the mask,
 * and {@code equals}/{@code hashCode} use the name only, so that a data class or collection
 * holding a secret hashes without it (a value-derived hash let a short PIN be recovered
 * offline). Only code that hands the value to a credential sink calls {@link #reveal()}.
 */
public final class SecretValue {
  public static final String MASK = "****";

  private final String name;
  private final String value;

  public SecretValue(String name, String value) {
    this.name = Objects.requireNonNull(name);
    this.value = Objects.requireNonNull(value);
  }

  /** The name it was read under ({@code secret("NAME")}); not secret. */
  public String name() {
    return name;
  }

  public String reveal() {
    return value;
  }

  /** Secrets are equal when they were read under the same name (never by comparing values). */
  @Override
  public boolean equals(Object o) {
    return o instanceof SecretValue s && s.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + 7;
  }

  @Override
  public String toString() {
    return MASK;
  }
}
