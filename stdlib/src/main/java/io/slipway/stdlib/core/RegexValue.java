package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;
import java.util.regex.Pattern;

/** A compiled regular expression: {@code Regex} in Slipway. Equal when the patterns are. */
public record RegexValue(Pattern pattern) implements SlipObject {
  @Override
  public String typeName() {
    return "Regex";
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegexValue r && r.pattern.pattern().equals(pattern.pattern());
  }

  @Override
  public int hashCode() {
    return pattern.pattern().hashCode();
  }
}
