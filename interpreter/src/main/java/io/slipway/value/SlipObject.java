package io.slipway.value;

/**
 * A value of a standard-library domain type ({@code Container}, {@code Image}, {@code Network},
 * {@code HttpResponse} ...). The interpreter dispatches methods and properties by
 * {@link #typeName()}, which must match a {@code BuiltinType} declared in the registry.
 */
public interface SlipObject {
  String typeName();
}
