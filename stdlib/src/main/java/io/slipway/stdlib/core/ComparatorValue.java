package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import io.slipway.value.SlipObject;
import java.util.ArrayList;
import java.util.List;

/** A {@code Comparator}: selectors, each ascending or descending, compared in turn. */
public record ComparatorValue(List<Object> selectors, List<Boolean> descending) implements SlipObject {
  static ComparatorValue of(List<Object> selectors, boolean desc) {
    var flags = new ArrayList<Boolean>();
    selectors.forEach(s -> flags.add(desc));
    return new ComparatorValue(List.copyOf(selectors), List.copyOf(flags));
  }

  ComparatorValue then(Object selector, boolean desc) {
    var s = new ArrayList<>(selectors);
    var f = new ArrayList<>(descending);
    s.add(selector);
    f.add(desc);
    return new ComparatorValue(List.copyOf(s), List.copyOf(f));
  }

  ComparatorValue reversed() {
    return new ComparatorValue(selectors, descending.stream().map(b -> !b).toList());
  }

  Object[] keys(CallContext cx, Object element) {
    var out = new Object[selectors.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Fns.call(cx, selectors.get(i), element);
    }
    return out;
  }

  /** Kotlin's compareValues: null is smaller than any value. */
  int compareKeys(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = a[i] == null ? (b[i] == null ? 0 : -1) : b[i] == null ? 1 : Ordering.compare(a[i], b[i]);
      if (c != 0) {
        return descending.get(i) ? -c : c;
      }
    }
    return 0;
  }

  @Override
  public String typeName() {
    return "Comparator";
  }

  @Override
  public String toString() {
    return "Comparator";
  }
}
