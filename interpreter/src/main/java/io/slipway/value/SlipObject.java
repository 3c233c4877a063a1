package io.slipway.value;

/**
 * A value of a standard-library domain type ({@code Container}, {@code Image}, {@code Network},
 * {@code HttpResponse} ...). The interpreter dispatches methods and properties by
 * {@link #typeName()}, which must match a {@code BuiltinType} declared in the registry.
 */
public interface SlipObject {
  String typeName();

  /**
   * How the value is named in a step description and in {@code slipway plan}: an image by its
   * reference, a container by its name. Null for a service object such as {@code http}, whose
   * calls are described by their qualified name ({@code http.get}). By default its text.
   */
  default String label() {
    return toString();
  }
}
