package io.slipway.types;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A checker type. Nominal types (primitives, {@code List<T>}, domain types such as
 * {@code Container}, user data classes) are all {@link ClassType}; {@code Any}, {@code Nothing}
 * and {@code Unit} are class types with those names, given meaning by {@link Subtyping}.
 */
public sealed interface Type {

  /** A nominal type with type arguments, e.g. {@code Map<String, Int>}. */
  record ClassType(String name, List<Type> args) implements Type {
    public ClassType {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      return args.isEmpty()
          ? name
          : name + args.stream().map(Type::toString).collect(Collectors.joining(", ", "<", ">"));
    }
  }

  /**
   * A function type. {@code receiver} is non-null for lambdas with a receiver, such as the body
   * of {@code stage(...) { }} whose receiver is {@code StageScope}.
   */
  record FnType(Type receiver, List<Type> params, Type result) implements Type {
    public FnType {
      params = List.copyOf(params);
    }

    @Override
    public String toString() {
      String ps = params.stream().map(Type::toString).collect(Collectors.joining(", ", "(", ")"));
      return (receiver == null ? "" : receiver + ".") + ps + " -> " + result;
    }
  }

  /** {@code T?}. Never nested: {@code Types.nullable} flattens. */
  record NullableType(Type inner) implements Type {
    @Override
    public String toString() {
      return inner instanceof FnType ? "(" + inner + ")?" : inner + "?";
    }
  }

  /** A type parameter of a generic standard-library signature. */
  record TypeVar(String name) implements Type {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * {@code String | List<String>}: accepted where any member is. Only standard-library
   * parameter declarations use unions (a command is a string or an argument vector; an image is
   * a reference or an {@code Image}); user code cannot write them.
   */
  record UnionType(List<Type> members) implements Type {
    public UnionType {
      members = List.copyOf(members);
    }

    @Override
    public String toString() {
      return members.stream().map(Type::toString).collect(Collectors.joining(" | "));
    }
  }

  /** The type of an expression that already produced a diagnostic; compatible with anything. */
  record ErrorType() implements Type {
    @Override
    public String toString() {
      return "<error>";
    }
  }
}
