package io.slipway.stdlib.core;

import io.slipway.value.SlipException;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lazy arithmetic progressions for {@code until}, {@code downTo} and {@code step}: like the
 * interpreter's {@code 1..3}, an immutable {@code List<Int>} that stores no elements, so
 * {@code 0 until 1_000_000} costs nothing until it is iterated.
 */
final class Ranges {
  private Ranges() {}

  /** {@code first}, {@code first + step}, ... while not past {@code last} (inclusive). */
  static List<Object> of(long first, long last, long step) {
    long span = step > 0 ? last - first : first - last;
    long size = span < 0 ? 0 : span / Math.abs(step) + 1;
    if (size > Integer.MAX_VALUE) {
      throw SlipException.error("range has too many elements: " + size);
    }
    return new Progression(first, step, (int) size);
  }

  /** Every {@code step}-th element of a list, starting with the first. */
  static List<Object> step(List<Object> list, long step) {
    if (step <= 0) {
      throw SlipException.error("step must be positive, was " + step);
    }
    if (list instanceof Progression p) {
      long size = (p.size() + step - 1) / step;
      return new Progression(p.first, p.step * step, (int) size);
    }
    var out = new ArrayList<Object>();
    for (long i = 0; i < list.size(); i += step) {
      out.add(list.get((int) i));
    }
    return Collections.unmodifiableList(out);
  }

  private static final class Progression extends AbstractList<Object> {
    private final long first;
    private final long step;
    private final int size;

    Progression(long first, long step, int size) {
      this.first = first;
      this.step = step;
      this.size = size;
    }

    @Override
    public Object get(int index) {
      if (index < 0 || index >= size) {
        throw Colls.outOfBounds(index, size);
      }
      return first + step * index;
    }

    @Override
    public int size() {
      return size;
    }
  }
}
