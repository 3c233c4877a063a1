package io.slipway.builtin;

import io.slipway.types.Type;
import io.slipway.types.TypeParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fluent way the standard library declares builtins, so that each one is written once:
 *
 * <pre>{@code
 * decl.fn("retry").typeParams("T").category("Steps")
 *     .param("times", "Int")
 *     .param("block", "() -> T")
 *     .returns("T")
 *     .doc("Runs the block until it succeeds, at most `times` attempts; returns its value.")
 *     .impl((cx, recv, args) -> ...);
 * decl.method("List<T>", "map").typeParams("R").param("transform", "(T) -> R").returns("List<R>")...
 * decl.property("Int", "seconds").type("Duration").doc(...).get((cx, recv) -> ...);
 * }</pre>
 *
 * Types are written in Slipway notation and parsed by {@link TypeParser}; the owner's own type
 * parameters ({@code T} of {@code List<T>}) are in scope for the member.
 */
public final class Declarations {
  private final BuiltinRegistry registry;
  private String category = "General";

  public Declarations(BuiltinRegistry registry) {
    this.registry = registry;
  }

  public BuiltinRegistry registry() {
    return registry;
  }

  /** Sets the docs heading for the declarations that follow. */
  public Declarations category(String name) {
    this.category = name;
    return this;
  }

  public void type(String name, String doc, Class<?> runtimeClass, String... supertypes) {
    List<String> typeParams = new ArrayList<>();
    String base = name;
    int lt = name.indexOf('<');
    if (lt > 0) {
      base = name.substring(0, lt);
      for (String p : name.substring(lt + 1, name.length() - 1).split(",")) {
        typeParams.add(p.trim());
      }
    }
    registry.addType(new BuiltinType(base, typeParams, List.of(supertypes), doc, runtimeClass));
  }

  /** A global function. */
  public FnBuilder fn(String name) {
    return new FnBuilder(null, null, name);
  }

  /**
   * A method; {@code ownerType} may carry type parameters, e.g. {@code "Map<K, V>"}. A nullable
   * owner ({@code "String?"}, {@code "List<T>?"}) declares a method that may be called on a
   * nullable receiver without {@code ?.}, as Kotlin's {@code orEmpty()}; its receiver is null
   * when the value is.
   */
  public FnBuilder method(String ownerType, String name) {
    return new FnBuilder(ownerType, ownerBase(ownerType), name);
  }

  /** A property of a type, or a global value when {@code ownerType} is null. */
  public PropBuilder property(String ownerType, String name) {
    return new PropBuilder(ownerType, name);
  }

  private static String ownerBase(String ownerType) {
    ownerType = nonNull(ownerType);
    int lt = ownerType.indexOf('<');
    return lt < 0 ? ownerType : ownerType.substring(0, lt);
  }

  private static String nonNull(String ownerType) {
    return ownerType.endsWith("?") ? ownerType.substring(0, ownerType.length() - 1) : ownerType;
  }

  private static Set<String> ownerTypeParams(String ownerType) {
    Set<String> out = new LinkedHashSet<>();
    if (ownerType != null) {
      ownerType = nonNull(ownerType);
      int lt = ownerType.indexOf('<');
      if (lt > 0) {
        for (String p : ownerType.substring(lt + 1, ownerType.length() - 1).split(",")) {
          // a receiver such as List<T?> (filterNotNull) binds T; the ? belongs to the use
          out.add(p.trim().replace("?", ""));
        }
      }
    }
    return out;
  }

  /** Builds one function or method declaration. */
  public final class FnBuilder {
    private final String ownerType;
    private final String owner;
    private final String name;
    private final Set<String> typeParams;
    private final List<String[]> rawParams = new ArrayList<>();
    private final List<Object> defaults = new ArrayList<>();
    private final List<Boolean> varargs = new ArrayList<>();
    private final Set<Effect> effects = EnumSet.noneOf(Effect.class);
    private String result = "Unit";
    private String doc;
    private String resultNamedBy;

    private FnBuilder(String ownerType, String owner, String name) {
      this.ownerType = ownerType;
      this.owner = owner;
      this.name = name;
      this.typeParams = ownerTypeParams(ownerType);
    }

    public FnBuilder typeParams(String... names) {
      typeParams.addAll(List.of(names));
      return this;
    }

    /** A required parameter. */
    public FnBuilder param(String pname, String type) {
      return add(pname, type, BuiltinParam.REQUIRED, null, false);
    }

    /** An optional parameter: {@code defaultText} is Slipway source for the docs. */
    public FnBuilder param(String pname, String type, Object defaultValue, String defaultText) {
      return add(pname, type, defaultValue, defaultText, false);
    }

    /** A vararg parameter; its type is the element type. */
    public FnBuilder vararg(String pname, String elementType) {
      return add(pname, elementType, BuiltinParam.REQUIRED, null, true);
    }

    private FnBuilder add(String pname, String type, Object dflt, String text, boolean vararg) {
      rawParams.add(new String[] {pname, type, text});
      defaults.add(dflt);
      varargs.add(vararg);
      return this;
    }

    public FnBuilder returns(String type) {
      this.result = type;
      return this;
    }

    public FnBuilder effects(Effect... es) {
      effects.addAll(List.of(es));
      return this;
    }

    public FnBuilder doc(String text) {
      this.doc = text;
      return this;
    }

    /**
     * In {@code slipway plan}, the result of this (deferred) call is shown as the value of
     * parameter {@code param}, or of the receiver for {@code "this"}: {@code build(tag = "app:1")}
     * plans an image named {@code app:1}.
     */
    public FnBuilder resultNamedBy(String param) {
      if (!param.equals("this") && rawParams.stream().noneMatch(p -> p[0].equals(param))) {
        throw new IllegalStateException(name + " has no parameter " + param);
      }
      this.resultNamedBy = param;
      return this;
    }

    /** Finishes the declaration with its implementation and registers it. */
    public BuiltinFunction impl(BuiltinImpl impl) {
      if (doc == null || doc.isBlank()) {
        throw new IllegalStateException("builtin " + name + " has no documentation");
      }
      List<BuiltinParam> params = new ArrayList<>();
      for (int i = 0; i < rawParams.size(); i++) {
        String[] p = rawParams.get(i);
        params.add(new BuiltinParam(p[0], TypeParser.parse(p[1], typeParams), defaults.get(i), p[2], varargs.get(i)));
      }
      Type receiver = ownerType == null ? null : TypeParser.parse(ownerType, typeParams);
      var f = new BuiltinFunction(owner, name, List.copyOf(typeParams), receiver, params,
          TypeParser.parse(result, typeParams), doc, category, effects, resultNamedBy, impl);
      registry.addFunction(f);
      return f;
    }
  }

  /** Builds one property declaration. */
  public final class PropBuilder {
    private final String ownerType;
    private final String name;
    private final Set<String> typeParams;
    private String type;
    private String doc;

    private PropBuilder(String ownerType, String name) {
      this.ownerType = ownerType;
      this.name = name;
      this.typeParams = ownerTypeParams(ownerType);
    }

    public PropBuilder type(String t) {
      this.type = t;
      return this;
    }

    public PropBuilder doc(String text) {
      this.doc = text;
      return this;
    }

    public BuiltinProperty get(BuiltinProperty.Getter getter) {
      if (doc == null || doc.isBlank()) {
        throw new IllegalStateException("builtin property " + name + " has no documentation");
      }
      Type receiver = ownerType == null ? null : TypeParser.parse(ownerType, typeParams);
      var p = new BuiltinProperty(ownerType == null ? null : ownerBase(ownerType), name,
          List.copyOf(typeParams), receiver, TypeParser.parse(type, typeParams), doc, category, getter);
      registry.addProperty(p);
      return p;
    }
  }
}
