package io.slipway.types;

import java.util.List;

/** Constants and small constructors for common types. */
public final class Types {
  private Types() {}

  public static final Type INT = cls("Int");
  public static final Type DOUBLE = cls("Double");
  public static final Type BOOL = cls("Bool");
  public static final Type STRING = cls("String");
  public static final Type CHAR = cls("Char");
  public static final Type UNIT = cls("Unit");
  public static final Type ANY = cls("Any");
  public static final Type NOTHING = cls("Nothing");
  public static final Type DURATION = cls("Duration");
  public static final Type PERCENT = cls("Percent");
  public static final Type BANDWIDTH = cls("Bandwidth");
  public static final Type BYTE_SIZE = cls("ByteSize");
  public static final Type SECRET = cls("Secret");
  public static final Type JSON = cls("Json");
  public static final Type ERROR = new Type.ErrorType();
  public static final Type NULL = nullable(NOTHING);

  public static Type.ClassType cls(String name, Type... args) {
    return new Type.ClassType(name, List.of(args));
  }

  public static Type list(Type element) {
    return cls("List", element);
  }

  public static Type map(Type key, Type value) {
    return cls("Map", key, value);
  }

  public static Type nullable(Type t) {
    return t instanceof Type.NullableType || t instanceof Type.ErrorType ? t : new Type.NullableType(t);
  }

  /** The type without its {@code ?}. */
  public static Type nonNull(Type t) {
    return t instanceof Type.NullableType n ? n.inner() : t;
  }

  public static boolean isNullable(Type t) {
    return t instanceof Type.NullableType;
  }

  public static boolean isError(Type t) {
    return t instanceof Type.ErrorType;
  }
}
