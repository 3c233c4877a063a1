package io.slipway.stdlib;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.Declarations;
import java.util.List;

/**
 * Assembles the standard library: every builtin is declared exactly once, by one of the
 * {@link Library} parts listed here, and read by the checker, the interpreter and the docs.
 */
public final class Stdlib {
  private Stdlib() {}

  /** The libraries in docs order. Each helper area adds its part here. */
  static List<Library> libraries() {
    return List.of();
  }

  /** A fresh, frozen registry holding the whole standard library. */
  public static BuiltinRegistry registry() {
    var registry = new BuiltinRegistry();
    var decl = new Declarations(registry);
    for (Library lib : libraries()) {
      lib.declare(decl);
    }
    return registry.freeze();
  }
}
