package io.slipway.check;

import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import java.util.List;
import java.util.Optional;

/** A checked {@code data class}: its properties in declaration order. */
public record DataClassInfo(String name, List<Field> fields, Stmt.DataClass decl, SourceFile file) {
  public DataClassInfo {
    fields = List.copyOf(fields);
  }

  /** A property; {@code hasDefault} tells whether the constructor may omit it. */
  public record Field(String name, Type type, boolean mutable, boolean hasDefault) {}

  public Optional<Field> field(String fieldName) {
    return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
  }

  public Type type() {
    return new Type.ClassType(name, List.of());
  }
}
