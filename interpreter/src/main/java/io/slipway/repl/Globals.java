package io.slipway.repl;

import io.slipway.interp.Env;
import java.util.Map;

/** What {@code :reload} keeps of the old program's top level. */
final class Globals {
  private Globals() {}

  /**
   * Gives each top-level {@code var} of the new program the value the old program's run left
   * in the variable of the same name (what completed stages assigned), so that the stages that
   * continue see it; {@code val}s take the new program's values. A value of another kind
   * than the new program's (the variable's type changed) is not carried over.
   */
  static void carryOver(Map<String, Object> old, Env globals) {
    old.forEach((name, value) -> {
      Env.Slot slot = globals.lookup(name);
      Object now = slot == null ? null : slot.get();
      if (slot != null && slot.mutable()
          && (value == null || now == null || value.getClass() == now.getClass())) {
        slot.set(value);
      }
    });
  }
}
