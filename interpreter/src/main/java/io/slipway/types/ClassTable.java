package io.slipway.types;

import java.util.Optional;

/**
 * Where {@link Subtyping} finds class declarations (the builtin registry implements it), so that
 * this package depends on no declaration source.
 */
public interface ClassTable {
  /** The class declared as {@code name}, or empty. */
  Optional<? extends ClassInfo> classInfo(String name);
}
