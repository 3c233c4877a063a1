package io.slipway.interp;

import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.BuiltinType;
import io.slipway.syntax.ast.TypeRef;
import io.slipway.value.Bandwidth;
import io.slipway.value.ByteSize;
import io.slipway.value.ErrorValue;
import io.slipway.value.ExecResult;
import io.slipway.value.Pair;
import io.slipway.value.Percent;
import io.slipway.value.SecretValue;
import io.slipway.value.SlipObject;
import io.slipway.value.Unit;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps Java values to Slipway type names and answers subtype questions at run time, for method
 * dispatch, {@code is}/{@code as} and {@code catch}. Builtin supertypes come from the registry;
 * every type ends at {@code Any}.
 */
public final class RuntimeTypes {
  private final BuiltinRegistry registry;
  private final Map<String, List<String>> chains = new ConcurrentHashMap<>();

  public RuntimeTypes(BuiltinRegistry registry) {
    this.registry = registry;
  }

  /** The Slipway type name of a non-null value. */
  public String nameOf(Object v) {
    return switch (v) {
      case null -> "Nothing";
      case Long l -> "Int";
      case Double d -> "Double";
      case Boolean b -> "Bool";
      case String s -> "String";
      case Character c -> "Char";
      case Unit u -> "Unit";
      case Duration d -> "Duration";
      case Percent p -> "Percent";
      case Bandwidth b -> "Bandwidth";
      case ByteSize b -> "ByteSize";
      case SecretValue s -> "Secret";
      case ExecResult r -> "ExecResult";
      case Pair p -> "Pair";
      case io.slipway.value.MapEntry e -> "Map.Entry";
      case io.slipway.value.Triple t -> "Triple";
      case ErrorValue e -> e.type();
      case DataObject d -> d.typeName();
      case EnumValue e -> e.typeName();
      case SlipObject o -> o.typeName();
      case Callable c -> "Function";
      case ArrayList<?> l -> "MutableList";
      case List<?> l -> "List";
      case HashMap<?, ?> m -> "MutableMap";
      case java.util.HashSet<?> s -> "MutableSet";
      case java.util.Set<?> s -> "Set";
      case Map<?, ?> m -> "Map";
      default -> byRuntimeClass(v);
    };
  }

  private String byRuntimeClass(Object v) {
    for (BuiltinType t : registry.types()) {
      if (t.runtimeClass() != null && t.runtimeClass().isInstance(v)) {
        return t.name();
      }
    }
    return "Any";
  }

  /** The type and all its supertypes, nearest first, ending with {@code Any}. */
  public List<String> chain(String name) {
    return chains.computeIfAbsent(name, this::computeChain);
  }

  private List<String> computeChain(String name) {
    Set<String> seen = new LinkedHashSet<>();
    var queue = new ArrayDeque<String>();
    queue.add(name);
    while (!queue.isEmpty()) {
      String n = queue.poll();
      if (!seen.add(n)) {
        continue;
      }
      registry.type(n).ifPresent(t -> queue.addAll(t.supertypes()));
      switch (n) {
        case "MutableList" -> queue.add("List");
        case "MutableMap" -> queue.add("Map");
        case "MutableSet" -> queue.add("Set");
        case "StepFailed", "Timeout", "AssertionFailed", "EngineError" -> queue.add("Error");
        default -> { }
      }
    }
    seen.remove("Any");
    seen.add("Any");
    return List.copyOf(seen);
  }

  public boolean isSubtype(String sub, String sup) {
    return sup.equals("Any") || chain(sub).contains(sup);
  }

  /** {@code v is type}, erasing generic arguments as the JVM does. */
  public boolean isInstance(Object v, TypeRef type) {
    if (v == null) {
      return type.nullable();
    }
    return switch (type) {
      case TypeRef.Named n -> {
        String want = n.name().text();
        yield !want.equals("Nothing") && isSubtype(nameOf(v), want);
      }
      case TypeRef.Function f -> v instanceof Callable;
      case TypeRef.Error e -> true;
    };
  }

  /** How a type reference is written, for cast error messages. */
  public static String show(TypeRef t) {
    return switch (t) {
      case TypeRef.Named n -> n.name().text() + (n.nullable() ? "?" : "");
      case TypeRef.Function f -> "function" + (f.nullable() ? "?" : "");
      case TypeRef.Error e -> "<error>";
    };
  }
}
