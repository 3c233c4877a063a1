package io.slipway.value;

/** A size in bytes: {@code 512.kb}, {@code 64.mb}, {@code 2.gb} (binary multiples, as Docker). */
public record ByteSize(long bytes) implements Comparable<ByteSize> {
  @Override
  public String toString() {
    long[] units = {1L << 30, 1L << 20, 1L << 10};
    String[] names = {"gb", "mb", "kb"};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= units[i] && bytes % units[i] == 0) {
        return bytes / units[i] + names[i];
      }
    }
    return bytes + "b";
  }

  @Override
  public int compareTo(ByteSize o) {
    return Long.compare(bytes, o.bytes);
  }
}
