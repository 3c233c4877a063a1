package io.slipway.interp;

import io.slipway.syntax.ast.BinaryOp;
import io.slipway.syntax.ast.UnaryOp;
import io.slipway.value.Bandwidth;
import io.slipway.value.ByteSize;
import io.slipway.value.Deferred;
import io.slipway.value.Pair;
import io.slipway.value.Percent;
import io.slipway.value.SlipException;
import io.slipway.value.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator table of the brief, at run time: arithmetic on numbers, durations, sizes, lists
 * and maps; comparisons; {@code in}; ranges. Short-circuit operators ({@code && || ?:}) are
 * evaluated by the {@link Evaluator} itself.
 */
final class Operators {
  private final RuntimeTypes types;

  Operators(RuntimeTypes types) {
    this.types = types;
  }

  Object binary(BinaryOp op, Object a, Object b) {
    Deferred d = Deferred.first(a, b);
    if (d != null && op != BinaryOp.TO) {
      return deferred(op, d, a, b);
    }
    return switch (op) {
      case ADD -> add(a, b);
      case SUB -> sub(a, b);
      case MUL -> mul(a, b);
      case DIV -> div(a, b);
      case REM -> rem(a, b);
      case EQ -> Objects.equals(a, b);
      case NE -> !Objects.equals(a, b);
      case LT -> compare(op, a, b) < 0;
      case GT -> compare(op, a, b) > 0;
      case LE -> compare(op, a, b) <= 0;
      case GE -> compare(op, a, b) >= 0;
      case RANGE -> range(a, b);
      case IN -> contains(b, a);
      case NOT_IN -> !contains(b, a);
      case TO -> new Pair(a, b);
      case AND, OR, ELVIS -> throw new IllegalStateException("short-circuit operator " + op);
    };
  }

  Object unary(UnaryOp op, Object v) {
    if (v instanceof Deferred d) {
      return d.derive(op == UnaryOp.NOT ? "Bool" : d.typeName(), null);
    }
    return switch (op) {
      case NOT -> {
        if (v instanceof Boolean b) {
          yield !b;
        }
        throw bad("!", v, null);
      }
      case PLUS -> {
        if (v instanceof Long || v instanceof Double || v instanceof Duration) {
          yield v;
        }
        throw bad("+", v, null);
      }
      case NEG -> switch (v) {
        case Long l -> -l;
        case Double d -> -d;
        case Duration d -> d.negated();
        default -> throw bad("-", v, null);
      };
    };
  }

  /**
   * An operation on a run-time value (only while planning): its result is one too, typed as
   * far as the operator tells, and a string concatenation keeps its known text.
   */
  private static Deferred deferred(BinaryOp op, Deferred d, Object a, Object b) {
    return switch (op) {
      case EQ, NE, LT, GT, LE, GE, IN, NOT_IN -> d.derive("Bool", null);
      case ADD -> a instanceof String || a instanceof Deferred x && x.typeName().equals("String")
          ? d.derive("String", Values.show(a) + Values.show(b)) : d.derive(d.typeName(), null);
      case RANGE -> d.derive("IntRange", null);
      default -> d.derive(a instanceof Deferred x ? x.typeName() : types(b), null);
    };
  }

  private static String types(Object b) {
    return b instanceof Deferred x ? x.typeName() : "Any";
  }

  private Object add(Object a, Object b) {
    if (a instanceof String s) {
      return s + Values.show(b);
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x + y;
    }
    if (isNum(a) && isNum(b)) {
      return dbl(a) + dbl(b);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.plus(y);
    }
    if (a instanceof ByteSize x && b instanceof ByteSize y) {
      return new ByteSize(x.bytes() + y.bytes());
    }
    if (a instanceof Character c && b instanceof Long n) {
      return (char) (c + n);
    }
    if (a instanceof java.util.Set<?> set) {
      var out = new java.util.LinkedHashSet<Object>(set);
      if (b instanceof java.util.Collection<?> m) {
        out.addAll(m);
      } else {
        out.add(b);
      }
      return Collections.unmodifiableSet(out);
    }
    if (a instanceof List<?> l) {
      var out = new ArrayList<Object>(l);
      if (b instanceof java.util.Collection<?> m) {
        out.addAll(m);
      } else {
        out.add(b);
      }
      return Collections.unmodifiableList(out);
    }
    if (a instanceof Map<?, ?> m) {
      var out = new LinkedHashMap<Object, Object>(m);
      if (b instanceof Pair p) {
        out.put(p.first(), p.second());
      } else if (b instanceof Map<?, ?> n) {
        out.putAll(n);
      } else {
        throw bad("+", a, b);
      }
      return Collections.unmodifiableMap(out);
    }
    throw bad("+", a, b);
  }

  private Object sub(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x - y;
    }
    if (isNum(a) && isNum(b)) {
      return dbl(a) - dbl(b);
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      return x.minus(y);
    }
    if (a instanceof ByteSize x && b instanceof ByteSize y) {
      return new ByteSize(x.bytes() - y.bytes());
    }
    if (a instanceof Character x && b instanceof Character y) {
      return (long) (x - y);
    }
    if (a instanceof Character c && b instanceof Long n) {
      return (char) (c - n);
    }
    if (a instanceof java.util.Set<?> set) {
      var out = new java.util.LinkedHashSet<Object>(set);
      if (b instanceof java.util.Collection<?> m) {
        out.removeAll(m);
      } else {
        out.remove(b);
      }
      return Collections.unmodifiableSet(out);
    }
    if (a instanceof List<?> l) {
      // Kotlin: `xs - x` drops the first occurrence, `xs - ys` every element in ys
      var out = new ArrayList<Object>(l);
      if (b instanceof java.util.Collection<?> m) {
        out.removeIf(m::contains);
      } else {
        out.remove(b);
      }
      return Collections.unmodifiableList(out);
    }
    throw bad("-", a, b);
  }

  private Object mul(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return x * y;
    }
    if (isNum(a) && isNum(b)) {
      return dbl(a) * dbl(b);
    }
    if (a instanceof Duration d && isNum(b)) {
      return scale(d, dbl(b));
    }
    if (isNum(a) && b instanceof Duration d) {
      return scale(d, dbl(a));
    }
    throw bad("*", a, b);
  }

  private static Duration scale(Duration d, double f) {
    return Duration.ofNanos(Math.round(d.toNanos() * f));
  }

  private Object div(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw SlipException.error("division by zero");
      }
      return x / y;
    }
    if (isNum(a) && isNum(b)) {
      return dbl(a) / dbl(b);
    }
    if (a instanceof Duration d && isNum(b)) {
      if (dbl(b) == 0) {
        throw SlipException.error("division by zero");
      }
      return Duration.ofNanos(Math.round(d.toNanos() / dbl(b)));
    }
    if (a instanceof Duration x && b instanceof Duration y) {
      if (y.isZero()) {
        throw SlipException.error("division by zero");
      }
      return (double) x.toNanos() / (double) y.toNanos();
    }
    throw bad("/", a, b);
  }

  private Object rem(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      if (y == 0) {
        throw SlipException.error("division by zero");
      }
      return x % y;
    }
    if (isNum(a) && isNum(b)) {
      return dbl(a) % dbl(b);
    }
    throw bad("%", a, b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  int compare(BinaryOp op, Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (isNum(a) && isNum(b)) {
      return Double.compare(dbl(a), dbl(b));
    }
    if (a != null && b != null && a.getClass() == b.getClass()
        && (a instanceof String || a instanceof Character || a instanceof Duration || a instanceof Percent
            || a instanceof Bandwidth || a instanceof ByteSize)) {
      return ((Comparable) a).compareTo(b);
    }
    throw bad(op.symbol(), a, b);
  }

  private Object range(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return IntRange.closed(x, y);
    }
    if (a instanceof Character x && b instanceof Character y) {
      var out = new ArrayList<Object>();
      for (char c = x; c <= y && c >= x; c++) {
        out.add(c);
        if (c == Character.MAX_VALUE) {
          break;
        }
      }
      return Collections.unmodifiableList(out);
    }
    throw bad("..", a, b);
  }

  boolean contains(Object container, Object element) {
    return switch (container) {
      case String s when element instanceof String e -> s.contains(e);
      case String s when element instanceof Character c -> s.indexOf(c) >= 0;
      case List<?> l -> l.contains(element);
      case java.util.Set<?> set -> set.contains(element);
      case Map<?, ?> m -> m.containsKey(element);
      case null, default -> throw bad("in", element, container);
    };
  }

  private static boolean isNum(Object o) {
    return o instanceof Long || o instanceof Double;
  }

  private static double dbl(Object o) {
    return ((Number) o).doubleValue();
  }

  private SlipException bad(String op, Object a, Object b) {
    String types = b == null && !op.equals("in") && !op.equals("+") ? typeOf(a)
        : typeOf(a) + " and " + typeOf(b);
    return SlipException.error("operator `" + op + "` cannot be applied to " + types);
  }

  private String typeOf(Object v) {
    return v == null ? "null" : types.nameOf(v);
  }
}
