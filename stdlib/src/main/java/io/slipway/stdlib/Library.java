package io.slipway.stdlib;

import io.slipway.builtin.Declarations;

/** One part of the standard library: declares its types, functions and properties. */
public interface Library {
  void declare(Declarations decl);
}
