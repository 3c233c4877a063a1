package io.slipway.interp;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipObject;
import io.slipway.value.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * How a builtin call is described: briefly in step events (the views, the HTML timeline), in
 * full in {@code slipway plan}. Values appear as users name them ({@link SlipObject#label()}: an
 * image by its reference, a container by its name), secrets masked, never as object text.
 */
public final class StepText {
  private static final int BRIEF = 120;
  private static final int VALUE = 80;

  private StepText() {}

  /** {@code run books-ms-tests:slipway-books-ms-1}: the call, its receiver, its first argument. */
  public static String brief(BuiltinFunction f, Object receiver, Object[] args) {
    var sb = new StringBuilder(head(f, receiver));
    if (args.length > 0 && args[0] != null && !(args[0] instanceof Callable)) {
      sb.append(' ').append(firstLine(args[0] instanceof List<?> l ? words(l) : label(args[0])));
    }
    String s = sb.toString();
    return s.length() > BRIEF ? s.substring(0, BRIEF - 3) + "..." : s;
  }

  /**
   * {@code build dockerfile=Dockerfile.test tag=app:1}: the call and every argument that differs
   * from its default (a required first one bare, the others named), blocks left out.
   */
  public static String full(BuiltinFunction f, Object receiver, Object[] args) {
    var sb = new StringBuilder(head(f, receiver));
    List<BuiltinParam> params = f.params();
    for (int i = 0; i < args.length && i < params.size(); i++) {
      BuiltinParam p = params.get(i);
      Object v = args[i];
      if (v instanceof Callable || (!p.required() && Objects.equals(v, p.defaultValue()))
          || (p.vararg() && v instanceof List<?> l && l.isEmpty())) {
        continue;
      }
      String shown = i == 0 && v instanceof List<?> l ? words(l) : word(v);
      sb.append(' ').append(i == 0 && p.required() ? "" : p.name() + "=").append(shown);
    }
    return sb.toString();
  }

  /** The name, with the receiver's label for a method ({@code push app:1}, {@code http.get}). */
  private static String head(BuiltinFunction f, Object receiver) {
    if (f.owner() == null || receiver == null) {
      return f.name();
    }
    if (receiver instanceof SlipObject o && o.label() == null) {
      return o + "." + f.name(); // a service object such as `http`, not a value
    }
    return f.name() + " " + label(receiver);
  }

  /** A value as a step description shows it. */
  public static String label(Object v) {
    return switch (v) {
      case null -> "null";
      case SecretValue s -> SecretValue.MASK;
      case SlipObject o -> Objects.requireNonNullElse(o.label(), o.toString());
      case List<?> l -> {
        var j = new StringJoiner(", ", "[", "]");
        l.forEach(e -> j.add(label(e)));
        yield j.toString();
      }
      case Map<?, ?> m -> {
        var j = new StringJoiner(", ", "{", "}");
        m.forEach((k, e) -> j.add(label(k) + "=" + label(e)));
        yield j.toString();
      }
      default -> Values.show(v);
    };
  }

  /** An argument vector as a command line: {@code sh -c "make test"}. */
  private static String words(List<?> l) {
    List<String> out = new ArrayList<>();
    for (Object o : l) {
      out.add(word(o));
    }
    return String.join(" ", out);
  }

  /**
   * A value as one word of a full description: its first line, shortened, and a text quoted
   * when it is empty or holds spaces ({@code sh "make test" check=false}).
   */
  private static String word(Object v) {
    String s = firstLine(label(v));
    if (s.length() > VALUE) {
      s = s.substring(0, VALUE - 3) + "...";
    }
    boolean text = v instanceof String || v instanceof io.slipway.value.Deferred;
    return text && (s.isEmpty() || s.chars().anyMatch(Character::isWhitespace))
        ? "\"" + s + "\"" : s;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl) + " ...";
  }
}
