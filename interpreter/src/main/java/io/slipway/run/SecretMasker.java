package io.slipway.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret value by {@code ****} in text. Values are registered as soon as a
 * secret is read, before any output can contain it. Longest values are replaced first so that a
 * secret containing another is masked whole. Output is masked line by line, so each line of a
 * multi-line secret (a key file) is registered too (lines of 4 characters or more).
 */
public final class SecretMasker {
  // replaced whole (never cleared in place) so that a concurrent mask() never sees a partial list
  private volatile List<String> values = List.of();

  public void register(String value) {
    if (value != null && value.indexOf('\n') >= 0) {
      for (String line : value.split("\r?\n")) {
        if (line.strip().length() >= 4) {
          add(line.strip());
        }
      }
    }
    add(value);
  }

  private synchronized void add(String value) {
    if (value != null && !value.isEmpty() && !values.contains(value)) {
      var sorted = new ArrayList<>(values);
      sorted.add(value);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      values = List.copyOf(sorted);
    }
  }

  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    String out = text;
    for (String v : values) {
      out = out.replace(v, "****");
    }
    return out;
  }

  public List<String> values() {
    return List.copyOf(values);
  }
}
