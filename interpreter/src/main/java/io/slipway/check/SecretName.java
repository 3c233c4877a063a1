package io.slipway.check;

import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What the name of a {@code secret(..)} call can be, as the checker proves it from the source:
 * literals, params, {@code val}s and matrix values combined by templates, {@code +},
 * {@code if}/{@code when}/{@code ?:} (every branch counts) and a few pure String methods. At run
 * start, with the params known, {@link #candidates} lists every name it can produce, and each
 * of them that is available is read and registered for masking before the first stage.
 */
public sealed interface SecretName {
  /** More candidates than this is no longer a name "known before the run". */
  int MAX_CANDIDATES = 256;

  /** A fixed text. */
  record Literal(String text) implements SecretName {}

  /** {@code params.name}, shown as a template shows it. */
  record Param(String name) implements SecretName {}

  /** Parts joined (a template, {@code +}). */
  record Concat(List<SecretName> parts) implements SecretName {
    public Concat {
      parts = List.copyOf(parts);
    }
  }

  /** Any one of the options (branches of {@code if}/{@code when}, matrix values). */
  record OneOf(List<SecretName> options) implements SecretName {
    public OneOf {
      options = List.copyOf(options);
    }
  }

  /** A pure String method without arguments applied to a name. */
  record Method(SecretName target, String method) implements SecretName {}

  /** The String methods a name may be built with. */
  static boolean pureMethod(String name) {
    return name.equals("uppercase") || name.equals("lowercase") || name.equals("trim");
  }

  /**
   * Every name this can produce, given each param's value; at most {@link #MAX_CANDIDATES}
   * (then the first ones).
   */
  default Set<String> candidates(Function<String, Object> params) {
    return switch (this) {
      case Literal l -> Set.of(l.text());
      case Param p -> Set.of(Values.show(params.apply(p.name())));
      case Concat c -> {
        Set<String> acc = new LinkedHashSet<>(List.of(""));
        for (SecretName part : c.parts()) {
          Set<String> next = new LinkedHashSet<>();
          for (String a : acc) {
            for (String b : part.candidates(params)) {
              if (next.size() < MAX_CANDIDATES) {
                next.add(a + b);
              }
            }
          }
          acc = next;
        }
        yield acc;
      }
      case OneOf o -> {
        Set<String> all = new LinkedHashSet<>();
        for (SecretName option : o.options()) {
          for (String s : option.candidates(params)) {
            if (all.size() < MAX_CANDIDATES) {
              all.add(s);
            }
          }
        }
        yield all;
      }
      case Method m -> {
        Set<String> out = new LinkedHashSet<>();
        for (String s : m.target().candidates(params)) {
          out.add(switch (m.method()) {
            case "uppercase" -> s.toUpperCase(java.util.Locale.ROOT);
            case "lowercase" -> s.toLowerCase(java.util.Locale.ROOT);
            default -> s.trim();
          });
        }
        yield out;
      }
    };
  }

  /** How many names this can produce at most, whatever the params (each param counts once). */
  default long bound() {
    return switch (this) {
      case Literal l -> 1;
      case Param p -> 1;
      case Concat c -> c.parts().stream().mapToLong(SecretName::bound)
          .reduce(1, (a, b) -> Math.min(Long.MAX_VALUE / 2, a * b));
      case OneOf o -> o.options().stream().mapToLong(SecretName::bound).sum();
      case Method m -> m.target().bound();
    };
  }

  /** The parts of a template or sum, flattened (for building). */
  static SecretName concat(List<SecretName> parts) {
    var flat = new ArrayList<SecretName>();
    for (SecretName p : parts) {
      if (p instanceof Concat c) {
        flat.addAll(c.parts());
      } else {
        flat.add(p);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new Concat(flat);
  }
}
