package io.slipway.stdlib.docs;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.BuiltinType;
import io.slipway.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builtin declarations written back in Slipway notation, as the reference shows them. */
public final class Signatures {
  private Signatures() {}

  /** {@code fun <R> List<T>.map(transform: (T) -> R): List<R>}; a Unit result is left out. */
  public static String of(BuiltinFunction f) {
    var sb = new StringBuilder("fun ");
    List<String> own = ownTypeParams(f.typeParams(), f.receiverType());
    if (!own.isEmpty()) {
      sb.append('<').append(String.join(", ", own)).append("> ");
    }
    if (f.receiverType() != null) {
      sb.append(f.receiverType()).append('.');
    }
    sb.append(f.name()).append('(');
    sb.append(f.params().stream().map(Signatures::param).collect(Collectors.joining(", ")));
    sb.append(')');
    if (!(f.result() instanceof Type.ClassType c && c.name().equals("Unit") && c.args().isEmpty())) {
      sb.append(": ").append(f.result());
    }
    return sb.toString();
  }

  /** {@code val Int.seconds: Duration} or, for a global, {@code val http: Http}. */
  public static String of(BuiltinProperty p) {
    return "val " + (p.receiverType() == null ? "" : p.receiverType() + ".") + p.name() + ": " + p.type();
  }

  /** {@code type MutableList<T> : List}. */
  public static String of(BuiltinType t) {
    String params = t.typeParams().isEmpty() ? "" : "<" + String.join(", ", t.typeParams()) + ">";
    List<String> supers = t.supertypes().stream().filter(s -> !s.equals("Any")).toList();
    return "type " + t.name() + params + (supers.isEmpty() ? "" : " : " + String.join(", ", supers));
  }

  static String param(BuiltinParam p) {
    String s = (p.vararg() ? "vararg " : "") + p.name() + ": " + p.type();
    if (!p.required() && !p.vararg()) {
      s += " = " + (p.defaultText() == null ? "…" : p.defaultText());
    }
    return s;
  }

  /** The function's own type parameters: those not already bound by the receiver type. */
  private static List<String> ownTypeParams(List<String> all, Type receiver) {
    Set<String> bound = new LinkedHashSet<>();
    collectVars(receiver, bound);
    var out = new ArrayList<String>();
    for (String p : all) {
      if (!bound.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static void collectVars(Type t, Set<String> out) {
    switch (t) {
      case null -> { }
      case Type.TypeVar v -> out.add(v.name());
      case Type.ClassType c -> c.args().forEach(a -> collectVars(a, out));
      case Type.NullableType n -> collectVars(n.inner(), out);
      case Type.FnType f -> {
        collectVars(f.receiver(), out);
        f.params().forEach(a -> collectVars(a, out));
        collectVars(f.result(), out);
      }
      case Type.UnionType u -> u.members().forEach(a -> collectVars(a, out));
      case Type.ErrorType e -> { }
    }
  }
}
