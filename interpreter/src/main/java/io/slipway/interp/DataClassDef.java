package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Param;
import io.slipway.syntax.ast.Stmt;
import java.util.List;
import java.util.Map;

/**
 * A {@code data class}: calling it constructs a {@link DataObject}. Property defaults are
 * evaluated in the declaring scope extended with the earlier properties, as Kotlin does.
 */
public record DataClassDef(String name, List<Param> properties, Env env, SourceFile file,
    List<Stmt.VarDecl> state) implements Callable {

  /** A class without body {@code var}s. */
  public DataClassDef(String name, List<Param> properties, Env env, SourceFile file) {
    this(name, properties, env, file, List.of());
  }

  static DataClassDef of(Stmt.DataClass dc, Env env, SourceFile file) {
    return new DataClassDef(dc.name().text(), dc.properties(), env, file, dc.state());
  }

  /** The index of a body {@code var}, or -1. */
  public int stateIndex(String property) {
    for (int i = 0; i < state.size(); i++) {
      if (state.get(i).name().text().equals(property)) {
        return i;
      }
    }
    return -1;
  }

  public int indexOf(String property) {
    for (int i = 0; i < properties.size(); i++) {
      if (properties.get(i).name().text().equals(property)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String describe() {
    return "`" + name + "`";
  }

  @Override
  public Object call(Evaluator ev, Object receiver, List<Object> positional,
      Map<String, Object> named, Span callSite) {
    Env scope = env.child();
    return ev.inFile(file, () -> {
      UserFunction.bindParams(ev, properties, positional, named, scope, describe());
      Object[] values = new Object[properties.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = scope.lookup(properties.get(i).name().text()).get();
      }
      DataObject made = new DataObject(this, values);
      // body properties start from their initializers, once, in order; they see the
      // constructor's properties, `this` and the body properties before them
      Env init = state.isEmpty() ? null : scope.childWithReceiver(made);
      for (int i = 0; i < state.size(); i++) {
        made.initState(i, ev.eval(state.get(i).init(), init));
      }
      return made;
    });
  }

  /**
   * The single instance of an {@code object} declaration. Its properties are initialized on
   * first use, as Kotlin initializes an object lazily: an initializer may use declarations that
   * come after the object in the file.
   */
  DataObject singleton() {
    DataObject made = new DataObject(this, new Object[0]);
    if (!state.isEmpty()) {
      made.initLazily(ev -> ev.inFile(file, () -> {
        Env init = env.childWithReceiver(made);
        for (int i = 0; i < state.size(); i++) {
          made.initState(i, ev.eval(state.get(i).init(), init));
        }
        return made;
      }));
    }
    return made;
  }

  @Override
  public String toString() {
    return "data class " + name;
  }
}
