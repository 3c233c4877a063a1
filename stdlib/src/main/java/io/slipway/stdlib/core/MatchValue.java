package io.slipway.stdlib.core;

import io.slipway.value.SlipObject;
import java.util.List;

/**
 * One match of a {@code Regex}: {@code MatchResult} in Slipway. {@code groupValues[0]} is the
 * whole match; a group that did not take part is {@code ""}, as in Kotlin.
 */
public record MatchValue(String value, long start, List<Object> groupValues) implements SlipObject {
  @Override
  public String typeName() {
    return "MatchResult";
  }

  @Override
  public String toString() {
    return "MatchResult(" + value + ")";
  }
}
