package io.slipway.builtin;

import io.slipway.types.Type;
import java.util.List;

/**
 * A read-only property of a standard-library type ({@code ExecResult.stdout}, {@code Int.seconds})
 * or, with a null owner, a global value ({@code build}, {@code git}, {@code http}).
 */
public record BuiltinProperty(String owner, String name, List<String> typeParams,
    Type receiverType, Type type, String doc, String category, Getter getter) {

  public BuiltinProperty {
    typeParams = List.copyOf(typeParams);
  }

  /** Reads the property; {@code receiver} is null for globals. */
  @FunctionalInterface
  public interface Getter {
    Object get(CallContext cx, Object receiver) throws Exception;
  }

  public String qualifiedName() {
    return owner == null ? name : owner + "." + name;
  }
}
