package io.slipway.types;

import java.util.List;

/** What subtyping needs to know of a declared class type: its type parameters and supertypes. */
public interface ClassInfo {
  /** Type parameter names, in order ({@code T} of {@code List<T>}). */
  List<String> typeParams();

  /** Direct supertypes as written in the declaration ({@code List<T>}, {@code Error}). */
  List<String> supertypes();
}
