package io.slipway.builtin;

import io.slipway.types.ClassInfo;
import java.util.List;

/**
 * A type the standard library defines ({@code Container}, {@code List}, {@code StepFailed}).
 *
 * @param supertypes direct supertypes by name, e.g. {@code StepFailed} has {@code Error};
 *     {@code MutableList} has {@code List}
 * @param runtimeClass the Java class of values of this type, used by {@code is}/{@code as} and
 *     catch clauses at run time (null when values are checked another way)
 */
public record BuiltinType(String name, List<String> typeParams, List<String> supertypes,
    String doc, Class<?> runtimeClass) implements ClassInfo {

  public BuiltinType {
    typeParams = List.copyOf(typeParams);
    supertypes = List.copyOf(supertypes);
  }
}
