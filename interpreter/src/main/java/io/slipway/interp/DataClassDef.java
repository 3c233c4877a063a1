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
public record DataClassDef(String name, List<Param> properties, Env env, SourceFile file)
    implements Callable {

  static DataClassDef of(Stmt.DataClass dc, Env env, SourceFile file) {
    return new DataClassDef(dc.name().text(), dc.properties(), env, file);
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
      return new DataObject(this, values);
    });
  }

  @Override
  public String toString() {
    return "data class " + name;
  }
}
