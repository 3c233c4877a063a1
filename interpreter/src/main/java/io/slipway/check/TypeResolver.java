package io.slipway.check;

import io.slipway.builtin.BuiltinType;
import io.slipway.diag.Code;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a {@link TypeRef} as written into a checker {@link Type} (E0210, E0214). */
final class TypeResolver {
  /** Types the checker itself gives meaning to, with their number of type arguments. */
  private static final Map<String, Integer> CORE = Map.ofEntries(
      Map.entry("Int", 0), Map.entry("Double", 0), Map.entry("Bool", 0), Map.entry("String", 0), Map.entry("Char", 0),
      Map.entry("Unit", 0), Map.entry("Any", 0), Map.entry("Nothing", 0),
      Map.entry("List", 1), Map.entry("MutableList", 1), Map.entry("Set", 1),
      Map.entry("Map", 2), Map.entry("MutableMap", 2), Map.entry("Pair", 2),
      Map.entry("Map.Entry", 2));

  /** Kotlin's names for types Slipway names differently. */
  private static final Map<String, String> KOTLIN_NAMES = Map.of(
      "Boolean", "Bool", "Long", "Int", "Short", "Int", "Byte", "Int", "Float", "Double",
      "Array", "List", "ArrayList", "MutableList", "HashMap", "MutableMap", "HashSet", "MutableSet");

  private final Ctx cx;
  private int quiet;
  /** The type parameters in scope (a generic function's signature or body), by name. */
  private Map<String, Type> typeParams = Map.of();

  TypeResolver(Ctx cx) {
    this.cx = cx;
  }

  /** Resolves a type already resolved (and reported) once, without reporting again. */
  Type resolveQuiet(TypeRef ref) {
    quiet++;
    try {
      return resolve(ref);
    } finally {
      quiet--;
    }
  }

  /** Runs {@code body} with {@code params} resolving as type parameters; returns its result. */
  <T> T withTypeParams(Map<String, Type> params, java.util.function.Supplier<T> body) {
    if (params.isEmpty()) {
      return body.get();
    }
    Map<String, Type> saved = typeParams;
    var merged = new java.util.HashMap<>(saved);
    merged.putAll(params);
    typeParams = merged;
    try {
      return body.get();
    } finally {
      typeParams = saved;
    }
  }

  Type resolve(TypeRef ref) {
    return switch (ref) {
      case TypeRef.Error e -> Types.ERROR;
      case TypeRef.Function f -> {
        Type recv = f.receiver() == null ? null : resolve(f.receiver());
        List<Type> ps = f.params().stream().map(this::resolve).toList();
        Type fn = new Type.FnType(recv, ps, resolve(f.result()));
        yield f.nullable() ? Types.nullable(fn) : fn;
      }
      case TypeRef.Named n -> {
        Type t = named(n);
        yield n.nullable() ? Types.nullable(t) : t;
      }
    };
  }

  private Type named(TypeRef.Named n) {
    String name = n.name().text();
    Type param = typeParams.get(name);
    if (param != null && n.args().isEmpty()) {
      return param;
    }
    Type alias = cx.aliases.get(name);
    if (alias != null && n.args().isEmpty()) {
      return alias;
    }
    Integer arity = CORE.get(name);
    if (arity == null) {
      var bt = cx.registry.type(name);
      if (cx.dataClasses.containsKey(name)) {
        arity = 0; // a user type shadows a standard-library one (W0301)
      } else if (bt.isPresent()) {
        arity = bt.get().typeParams().size();
      }
    }
    if (arity == null) {
      if (quiet == 0) {
        String kotlin = KOTLIN_NAMES.get(name);
        cx.report(Code.E0210, n.name().span(), "unknown type `" + name + "`",
            kotlin != null ? "Slipway calls it `" + kotlin + "`" : DidYouMean.hint(name, knownTypeNames()));
      }
      n.args().forEach(this::resolve);
      return Types.ERROR;
    }
    List<Type> args = new ArrayList<>();
    for (TypeRef a : n.args()) {
      args.add(resolve(a));
    }
    if (args.size() != arity) {
      if (quiet == 0) {
        cx.report(Code.E0214, n.span(), "`" + name + "` takes " + arity + " type argument"
          + (arity == 1 ? "" : "s") + ", found " + args.size());
      }
      return Types.ERROR;
    }
    return new Type.ClassType(name, args);
  }

  List<String> knownTypeNames() {
    var out = new ArrayList<String>(CORE.keySet());
    cx.registry.types().stream().map(BuiltinType::name).forEach(out::add);
    out.addAll(cx.dataClasses.keySet());
    out.addAll(cx.aliases.keySet());
    return out;
  }
}
