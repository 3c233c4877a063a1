package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts {@code -p name=value} strings by each param's declared type before anything runs:
 * Int, Double, Bool, String, Duration ({@code 30s}, {@code 5m}, {@code 150ms}, {@code 2h},
 * {@code 1m30s}), and {@code null} for a nullable param. An unknown name is E0504 (with a
 * did-you-mean, located in a pseudo-file holding the command-line text); a value that does not
 * convert is E0503 located at the param declaration.
 */
public final class ParamOverrides {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

  private ParamOverrides() {}

  /**
   * Converts the given overrides; the result maps every overridden param name to its runtime
   * value (Long, Double, Boolean, String, java.time.Duration or null).
   */
  public static Map<String, Object> convert(List<ParamInfo> params, Map<String, String> overrides,
      Diagnostics out) {
    Map<String, ParamInfo> byName = new LinkedHashMap<>();
    params.forEach(p -> byName.put(p.name(), p));
    Map<String, Object> values = new LinkedHashMap<>();
    for (var e : overrides.entrySet()) {
      String name = e.getKey();
      String text = e.getValue();
      ParamInfo p = byName.get(name);
      if (p == null) {
        String cmd = "-p " + name + "=" + text;
        SourceFile f = SourceFile.of("<command line>", cmd);
        out.add(Diagnostic.error(Code.E0504, f, new Span(3, 3 + name.length()), "unknown param `" + name + "`")
            .withHint(hint(name, byName.keySet())));
        continue;
      }
      Object v = parse(p.type(), text);
      if (v == INVALID) {
        out.add(Diagnostic.error(Code.E0503, p.file(), p.decl().name().span(),
                "invalid value `" + text + "` for param `" + name + "`: expected " + Ctx.show(p.type()))
            .withHint(example(p.type())));
        continue;
      }
      values.put(name, v);
    }
    for (ParamInfo p : params) {
      if (p.decl().defaultValue() == null && !overrides.containsKey(p.name())) {
        out.add(Diagnostic.error(Code.E0503, p.file(), p.decl().name().span(),
                "param `" + p.name() + "` has no default value and none was given")
            .withHint("give it with `-p " + p.name() + "=...`"));
      }
    }
    return values;
  }

  private static String hint(String name, java.util.Collection<String> known) {
    String h = DidYouMean.hint(name, known);
    if (h != null) {
      return h;
    }
    return known.isEmpty() ? "this pipeline declares no params" : "known params: " + String.join(", ", known);
  }

  private static String example(Type t) {
    Type base = Types.nonNull(t);
    String ex = base.equals(Types.INT) ? "42" : base.equals(Types.DOUBLE) ? "1.5"
        : base.equals(Types.BOOL) ? "true or false" : base.equals(Types.DURATION) ? "30s, 5m, 150ms or 1m30s" : "text";
    return "for example " + ex + (Types.isNullable(t) ? ", or null" : "");
  }

  private static final Object INVALID = new Object();

  /** The runtime value of {@code text} for a param of type {@code t}, or INVALID. */
  static Object parse(Type t, String text) {
    if (Types.isNullable(t) && text.equals("null")) {
      return null;
    }
    Type base = Types.nonNull(t);
    String s = text.trim();
    try {
      if (base.equals(Types.INT)) {
        return Long.parseLong(s.replace("_", ""));
      }
      if (base.equals(Types.DOUBLE)) {
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : INVALID;
      }
    } catch (NumberFormatException e) {
      return INVALID;
    }
    if (base.equals(Types.BOOL)) {
      return s.equals("true") ? Boolean.TRUE : s.equals("false") ? Boolean.FALSE : INVALID;
    }
    if (base.equals(Types.DURATION)) {
      return duration(s);
    }
    if (base.equals(Types.STRING) || Types.isError(base)) {
      return text;
    }
    return INVALID;
  }

  private static Object duration(String s) {
    Matcher m = DURATION.matcher(s);
    Duration total = Duration.ZERO;
    int pos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        return INVALID;
      }
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
      pos = m.end();
    }
    return s.isEmpty() ? INVALID : total;
  }
}
