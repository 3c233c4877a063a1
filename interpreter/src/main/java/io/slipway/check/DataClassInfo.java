package io.slipway.check;

import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import java.util.List;
import java.util.Optional;

/**
 * A checked class ({@code data class}, {@code enum class} or {@code object}): its constructor
 * properties in declaration order and, for an enum, its entries.
 */
public record DataClassInfo(String name, List<Field> fields, Stmt.DataClass decl, SourceFile file) {
  public DataClassInfo {
    fields = List.copyOf(fields);
  }

  public boolean isEnum() {
    return decl.kind() == Stmt.DataClass.Kind.ENUM;
  }

  public boolean isObject() {
    return decl.kind() == Stmt.DataClass.Kind.OBJECT;
  }

  /** The entry names of an enum class, in order (empty for other classes). */
  public List<String> entries() {
    return decl.entries().stream().map(e -> e.name().text()).toList();
  }

  /** A property; {@code hasDefault} tells whether the constructor may omit it. */
  public record Field(String name, Type type, boolean mutable, boolean hasDefault) {}

  /** Whether {@code name} is a {@code var} of the class body (its type is its getter's). */
  public boolean isState(String name) {
    return decl.state().stream().anyMatch(v -> v.mutable() && v.name().text().equals(name));
  }

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public Type type() {
    return new Type.ClassType(name, List.of());
  }
}
