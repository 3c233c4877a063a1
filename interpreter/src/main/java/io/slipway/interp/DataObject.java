package io.slipway.interp;

import io.slipway.value.Values;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * An instance of a user {@code data class}: structural equality and hash over its properties,
 * Kotlin's {@code toString} ({@code Node(name=a, port=80)}). {@code var} properties are
 * assignable; the object is otherwise immutable.
 */
public final class DataObject {
  private final DataClassDef type;
  private final Object[] values;
  /** The body {@code var}s: not part of equality, {@code toString} or {@code copy}, as Kotlin's. */
  private final Object[] state;

  public DataObject(DataClassDef type, Object[] values) {
    this.type = type;
    this.values = values;
    this.state = type.state().isEmpty() ? values : new Object[type.state().size()];
  }

  /**
   * An {@code object} declaration's body initializers, run once on first use (as Kotlin
   * initializes an object lazily); null when there is nothing left to run.
   */
  private volatile Consumer<Evaluator> lazyInit;

  synchronized void initState(int i, Object value) {
    state[i] = value;
  }

  /** Makes this an object whose properties are initialized by {@code init} on first use. */
  void initLazily(Consumer<Evaluator> init) {
    this.lazyInit = init;
  }

  /**
   * This object, its properties initialized: the first caller runs the initializers (other
   * threads wait for them); a read from inside an initializer sees the properties so far.
   */
  public DataObject ready(Evaluator ev) {
    if (lazyInit != null) {
      synchronized (this) {
        Consumer<Evaluator> init = lazyInit;
        lazyInit = null;
        if (init != null) {
          init.accept(ev);
        }
      }
    }
    return this;
  }

  public DataClassDef type() {
    return type;
  }

  public String typeName() {
    return type.name();
  }

  public int size() {
    return values.length;
  }

  public Object component(int i) {
    return values[i];
  }

  public boolean has(String property) {
    return type.indexOf(property) >= 0 || state != values && type.stateIndex(property) >= 0;
  }

  public synchronized Object get(String property) {
    int i = type.indexOf(property);
    return i >= 0 ? values[i] : state[type.stateIndex(property)];
  }

  public synchronized void set(String property, Object value) {
    int i = type.indexOf(property);
    if (i >= 0) {
      values[i] = value;
    } else {
      state[type.stateIndex(property)] = value;
    }
  }

  /** Properties in declaration order. */
  public Map<String, Object> properties() {
    var out = new LinkedHashMap<String, Object>();
    for (int i = 0; i < values.length; i++) {
      out.put(type.properties().get(i).name().text(), values[i]);
    }
    return out;
  }

  /** A copy with some properties replaced. */
  public DataObject copy(Map<String, Object> changes) {
    Object[] v = values.clone();
    changes.forEach((k, val) -> v[type.indexOf(k)] = val);
    return new DataObject(type, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataObject d && d.type.name().equals(type.name())
        && Arrays.equals(d.values, values);
  }

  @Override
  public int hashCode() {
    return type.name().hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    var j = new StringJoiner(", ", type.name() + "(", ")");
    for (int i = 0; i < values.length; i++) {
      j.add(type.properties().get(i).name().text() + "=" + Values.show(values[i]));
    }
    return j.toString();
  }
}
