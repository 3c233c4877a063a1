package io.slipway.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every known secret value by {@code ****} in text. Values are registered as soon as a
 * secret is read, before any output can contain it. Longest values are replaced first so that a
 * secret containing another is masked whole.
 */
public final class SecretMasker {
  private final List<String> values = new CopyOnWriteArrayList<>();

  public void register(String value) {
    if (value != null && !value.isEmpty() && !values.contains(value)) {
      values.add(value);
      var sorted = new ArrayList<>(values);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      values.clear();
      values.addAll(sorted);
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
