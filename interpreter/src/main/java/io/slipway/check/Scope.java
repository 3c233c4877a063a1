package io.slipway.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lexical scope: one hash map per block, chained to the enclosing one. Lookup cost grows with
 * nesting depth, not with the number of declarations, so a 20,000-line file stays linear.
 */
final class Scope {
  private final Scope parent;
  private final Map<String, Symbol> symbols = new HashMap<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Scope child() {
    return new Scope(this);
  }

  Symbol lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Symbol sym = s.symbols.get(name);
      if (sym != null) {
        return sym;
      }
    }
    return null;
  }

  /** The symbol declared in this very scope, for duplicate detection. */
  Symbol local(String name) {
    return symbols.get(name);
  }

  void put(Symbol sym) {
    symbols.put(sym.name(), sym);
  }

  /** Every visible name, for did-you-mean (only computed on an error). */
  List<String> names() {
    var out = new ArrayList<String>();
    for (Scope s = this; s != null; s = s.parent) {
      out.addAll(s.symbols.keySet());
    }
    return out;
  }

  Map<String, Symbol> symbols() {
    return symbols;
  }
}
