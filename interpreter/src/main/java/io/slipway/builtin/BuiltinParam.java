package io.slipway.builtin;

import io.slipway.types.Type;

/**
 * One parameter of a builtin.
 *
 * @param defaultValue the runtime value used when the argument is omitted, or {@link #REQUIRED}
 * @param defaultText the default as Slipway source, shown by the docs ({@code "60.seconds"})
 * @param vararg the parameter collects all remaining positional arguments into a {@code List}
 */
public record BuiltinParam(String name, Type type, Object defaultValue, String defaultText,
    boolean vararg) {

  /** Marker for a parameter without default. */
  public static final Object REQUIRED = new Object() {
    @Override
    public String toString() {
      return "<required>";
    }
  };

  public boolean required() {
    return defaultValue == REQUIRED && !vararg;
  }
}
