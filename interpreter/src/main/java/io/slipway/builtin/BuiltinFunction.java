package io.slipway.builtin;

import io.slipway.types.Type;
import java.util.List;
import java.util.Set;

/**
 * A standard-library function or method: the single declaration read by the checker (types),
 * the interpreter (dispatch) and {@code slipway docs} (reference).
 *
 * @param owner null for a global function; else the name of the type whose method this is
 *     ({@code "Container"}, {@code "List"}, {@code "Any"} for every type)
 * @param typeParams names of type variables used in {@code params}/{@code result}/{@code owner}
 * @param receiverType for methods, the receiver type with the type variables of the owner, e.g.
 *     {@code List<T>}; null for global functions
 * @param category a heading of the docs ("Steps", "Docker", "Collections", ...)
 * @param resultNamedBy for a builtin that may not run at plan time, the parameter whose value
 *     names its result in {@code slipway plan} ({@code tag} of {@code build}: the image is shown
 *     by the tag it will get), {@code "this"} for the receiver, or null
 */
public record BuiltinFunction(
    String owner,
    String name,
    List<String> typeParams,
    Type receiverType,
    List<BuiltinParam> params,
    Type result,
    String doc,
    String category,
    Set<Effect> effects,
    String resultNamedBy,
    BuiltinImpl impl) {

  public BuiltinFunction {
    typeParams = List.copyOf(typeParams);
    params = List.copyOf(params);
    effects = Set.copyOf(effects);
  }

  /** {@code sh} or {@code Container.exec}. */
  public String qualifiedName() {
    return owner == null ? name : owner + "." + name;
  }
}
