package io.slipway.interp;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * {@code first..last} at run time: a lazy, immutable list of {@code Long} with a step, so that
 * {@code 1..1_000_000} costs nothing until iterated and {@code in} is O(1).
 */
public final class IntRange extends AbstractList<Long> implements RandomAccess {
  private final long first;
  private final long step;
  private final int size;

  /** {@code first..last} stepping by {@code step} (negative for {@code downTo}). */
  public IntRange(long first, long last, long step) {
    if (step == 0) {
      throw new IllegalArgumentException("step must not be zero");
    }
    this.first = first;
    this.step = step;
    long n = step > 0 ? (last < first ? 0 : (last - first) / step + 1)
        : (last > first ? 0 : (first - last) / -step + 1);
    this.size = (int) Math.min(n, Integer.MAX_VALUE);
  }

  public static IntRange closed(long first, long last) {
    return new IntRange(first, last, 1);
  }

  @Override
  public Long get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " out of range for size " + size);
    }
    return first + step * index;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean contains(Object o) {
    if (!(o instanceof Long v) || size == 0) {
      return false;
    }
    long off = v - first;
    return off % step == 0 && off / step >= 0 && off / step < size;
  }
}
