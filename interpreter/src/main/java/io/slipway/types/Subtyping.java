package io.slipway.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subtype relation of the brief ("Types, subtyping, operators"): {@code Nothing} below
 * everything, everything below {@code Any?}, {@code T <: T?}, unions, builtin supertypes by name
 * with their type arguments carried along, and declared variance ({@code List<out T>},
 * {@code Pair<out A, out B>}, {@code Map<K, out V>}); every other generic type is invariant.
 */
public final class Subtyping {
  private static final Map<String, boolean[]> COVARIANT = Map.of(
      "List", new boolean[] {true},
      "Set", new boolean[] {true},
      "Pair", new boolean[] {true, true},
      "Triple", new boolean[] {true, true, true},
      "Map", new boolean[] {false, true});

  private final ClassTable classes;
  private final Map<String, List<Type.ClassType>> supers = new HashMap<>();
  private final Map<String, List<String>> lineages = new HashMap<>();

  public Subtyping(ClassTable classes) {
    this.classes = classes;
  }

  public boolean isSubtype(Type a, Type b) {
    if (a instanceof Type.ErrorType || b instanceof Type.ErrorType || a.equals(b)) {
      return true;
    }
    if (isNothing(a)) {
      return true;
    }
    if (b instanceof Type.NullableType nb) {
      if (isAny(nb.inner())) {
        return true;
      }
      return a instanceof Type.NullableType na ? isSubtype(na.inner(), nb.inner()) : isSubtype(a, nb.inner());
    }
    if (a instanceof Type.UnionType ua) {
      return ua.members().stream().allMatch(m -> isSubtype(m, b));
    }
    if (a instanceof Type.NullableType) {
      return false;
    }
    if (b instanceof Type.UnionType ub) {
      return ub.members().stream().anyMatch(m -> isSubtype(a, m));
    }
    if (isAny(b)) {
      return true;
    }
    if (a instanceof Type.TypeVar || b instanceof Type.TypeVar) {
      return false;
    }
    if (a instanceof Type.FnType fa && b instanceof Type.FnType fb) {
      if (fa.params().size() != fb.params().size()) {
        return false;
      }
      if ((fa.receiver() == null) != (fb.receiver() == null)
          || fa.receiver() != null && !isSubtype(fb.receiver(), fa.receiver())) {
        return false;
      }
      for (int i = 0; i < fa.params().size(); i++) {
        if (!isSubtype(fb.params().get(i), fa.params().get(i))) {
          return false;
        }
      }
      return isUnit(fb.result()) || isSubtype(fa.result(), fb.result());
    }
    if (a instanceof Type.ClassType ca && b instanceof Type.ClassType cb) {
      Type.ClassType up = asSuper(ca, cb.name());
      if (up == null) {
        return false;
      }
      if (up.args().size() != cb.args().size()) {
        return up.args().isEmpty() || cb.args().isEmpty();
      }
      boolean[] cov = COVARIANT.get(cb.name());
      for (int i = 0; i < cb.args().size(); i++) {
        Type x = up.args().get(i);
        Type y = cb.args().get(i);
        boolean ok = cov != null && i < cov.length && cov[i] ? isSubtype(x, y) : equivalent(x, y);
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private boolean equivalent(Type x, Type y) {
    return isSubtype(x, y) && isSubtype(y, x);
  }

  /** {@code t} viewed as its supertype named {@code name} (type arguments mapped), or null. */
  public Type.ClassType asSuper(Type.ClassType t, String name) {
    if (t.name().equals(name)) {
      return t;
    }
    var seen = new HashSet<String>();
    var queue = new ArrayDeque<Type.ClassType>();
    queue.add(t);
    while (!queue.isEmpty()) {
      Type.ClassType cur = queue.poll();
      if (!seen.add(cur.name())) {
        continue;
      }
      if (cur.name().equals(name)) {
        return cur;
      }
      queue.addAll(directSupertypes(cur));
    }
    return null;
  }

  /** The names of {@code typeName} and all its declared supertypes, nearest first, then Any. */
  public List<String> lineage(String typeName) {
    List<String> cached = lineages.get(typeName);
    if (cached == null) {
      cached = List.copyOf(computeLineage(typeName));
      lineages.put(typeName, cached);
    }
    return cached;
  }

  private List<String> computeLineage(String typeName) {
    var out = new LinkedHashSet<String>();
    var queue = new ArrayDeque<String>();
    queue.add(typeName);
    while (!queue.isEmpty()) {
      String cur = queue.poll();
      if (out.add(cur)) {
        for (Type.ClassType s : declaredSupers(cur)) {
          queue.add(s.name());
        }
      }
    }
    out.add("Any");
    return new ArrayList<>(out);
  }

  /** Direct supertypes of a class type, with its type arguments substituted. */
  public List<Type.ClassType> directSupertypes(Type.ClassType t) {
    List<Type.ClassType> raw = declaredSupers(t.name());
    if (raw.isEmpty()) {
      return raw;
    }
    List<String> params = classes.classInfo(t.name()).map(ClassInfo::typeParams)
        .orElse(List.of());
    Map<String, Type> subst = new HashMap<>();
    for (int i = 0; i < params.size() && i < t.args().size(); i++) {
      subst.put(params.get(i), t.args().get(i));
    }
    var out = new ArrayList<Type.ClassType>();
    for (Type.ClassType s : raw) {
      if (s.args().isEmpty() && !t.args().isEmpty()
          && classes.classInfo(s.name()).map(bt -> bt.typeParams().size() == t.args().size()).orElse(false)) {
        out.add(new Type.ClassType(s.name(), t.args()));
      } else {
        out.add((Type.ClassType) substitute(s, subst));
      }
    }
    return out;
  }

  private List<Type.ClassType> declaredSupers(String name) {
    return supers.computeIfAbsent(name, n -> {
      var bt = classes.classInfo(n);
      if (bt.isEmpty()) {
        return List.of();
      }
      Set<String> tps = new HashSet<>(bt.get().typeParams());
      var out = new ArrayList<Type.ClassType>();
      for (String s : bt.get().supertypes()) {
        if (TypeParser.parse(s, tps) instanceof Type.ClassType ct) {
          out.add(ct);
        }
      }
      return out;
    });
  }

  /** Replaces type variables bound in {@code subst}; unbound ones stay. */
  public static Type substitute(Type t, Map<String, Type> subst) {
    if (subst.isEmpty()) {
      return t;
    }
    return switch (t) {
      case Type.TypeVar v -> subst.getOrDefault(v.name(), v);
      case Type.ClassType c -> c.args().isEmpty() ? c
          : new Type.ClassType(c.name(), c.args().stream().map(x -> substitute(x, subst)).toList());
      case Type.NullableType n -> Types.nullable(substitute(n.inner(), subst));
      case Type.FnType f -> new Type.FnType(f.receiver() == null ? null : substitute(f.receiver(), subst),
          f.params().stream().map(x -> substitute(x, subst)).toList(), substitute(f.result(), subst));
      case Type.UnionType u -> new Type.UnionType(u.members().stream().map(x -> substitute(x, subst)).toList());
      case Type.ErrorType e -> e;
    };
  }

  /** The least common supertype, as far as this simple lattice can tell; Any(?) otherwise. */
  public Type join(Type a, Type b) {
    if (a instanceof Type.ErrorType) {
      return b;
    }
    if (b instanceof Type.ErrorType) {
      return a;
    }
    if (isSubtype(a, b)) {
      return b;
    }
    if (isSubtype(b, a)) {
      return a;
    }
    boolean nullable = a instanceof Type.NullableType || b instanceof Type.NullableType;
    Type na = Types.nonNull(a);
    Type nb = Types.nonNull(b);
    Type core;
    if (isSubtype(na, nb)) {
      core = nb;
    } else if (isSubtype(nb, na)) {
      core = na;
    } else if (na instanceof Type.ClassType ca && nb instanceof Type.ClassType cb) {
      core = Types.ANY;
      for (String name : lineage(ca.name())) {
        Type.ClassType up = asSuper(ca, name);
        if (up != null && isSubtype(nb, up)) {
          core = up;
          break;
        }
        Type.ClassType upb = asSuper(cb, name);
        if (upb != null && up != null && up.name().equals(upb.name())) {
          Type.ClassType widened = new Type.ClassType(name, joinArgs(up.args(), upb.args()));
          if (isSubtype(ca, widened) && isSubtype(cb, widened)) {
            core = widened;
            break;
          }
        }
      }
    } else {
      core = Types.ANY;
    }
    return nullable ? Types.nullable(core) : core;
  }

  private List<Type> joinArgs(List<Type> x, List<Type> y) {
    if (x.size() != y.size()) {
      return x;
    }
    var out = new ArrayList<Type>();
    for (int i = 0; i < x.size(); i++) {
      out.add(join(x.get(i), y.get(i)));
    }
    return out;
  }

  public static boolean isNothing(Type t) {
    return t instanceof Type.ClassType c && c.name().equals("Nothing");
  }

  public static boolean isAny(Type t) {
    return t instanceof Type.ClassType c && c.name().equals("Any");
  }

  public static boolean isUnit(Type t) {
    return t instanceof Type.ClassType c && c.name().equals("Unit");
  }
}
