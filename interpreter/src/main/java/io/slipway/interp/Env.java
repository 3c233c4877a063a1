package io.slipway.interp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One lexical scope: its variables and, for the body of a lambda with a receiver, that receiver
 * (whose builtin members are callable unqualified). Scopes chain to their enclosing scope.
 *
 * <p>A scope's map is only written by the thread that executes its block; variables captured by
 * closures running on other threads (parallel stages) are read and assigned through their
 * {@link Slot}, whose value is volatile.
 */
public final class Env {
  private final Env parent;
  private final Object receiver;
  private final boolean hasReceiver;
  private final Map<String, Slot> vars = new HashMap<>(8);

  private Env(Env parent, Object receiver, boolean hasReceiver) {
    this.parent = parent;
    this.receiver = receiver;
    this.hasReceiver = hasReceiver;
  }

  /** The root scope of a program (top-level declarations). */
  public static Env root() {
    return new Env(null, null, false);
  }

  public Env child() {
    return new Env(this, null, false);
  }

  /** The scope of a lambda body invoked with an implicit receiver. */
  public Env childWithReceiver(Object recv) {
    return new Env(this, recv, true);
  }

  public Env parent() {
    return parent;
  }

  public boolean hasReceiver() {
    return hasReceiver;
  }

  public Object receiver() {
    return receiver;
  }

  /** Declares a variable in this scope, shadowing outer ones. */
  public void define(String name, Object value, boolean mutable) {
    vars.put(name, new Slot(value, mutable));
  }

  /** The nearest slot named {@code name}, or null. */
  public Slot lookup(String name) {
    for (Env e = this; e != null; e = e.parent) {
      Slot s = e.vars.get(name);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** Every visible variable, innermost first wins (for the debugger and the REPL). */
  public Map<String, Object> visible() {
    var out = new LinkedHashMap<String, Object>();
    for (Env e = this; e != null; e = e.parent) {
      // `.name` holds extension functions, not a variable anyone wrote
      e.vars.forEach((k, v) -> {
        if (!k.startsWith(".")) {
          out.putIfAbsent(k, v.get());
        }
      });
    }
    return out;
  }

  /** A variable's storage cell. */
  public static final class Slot {
    private volatile Object value;
    private final boolean mutable;

    Slot(Object value, boolean mutable) {
      this.value = value;
      this.mutable = mutable;
    }

    public Object get() {
      return value;
    }

    public boolean mutable() {
      return mutable;
    }

    public void set(Object v) {
      value = v;
    }
  }
}
