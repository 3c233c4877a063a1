package io.slipway.stdlib.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.BuiltinType;
import io.slipway.stdlib.Stdlib;
import io.slipway.types.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The declarations refer only to declared types, with the declared number of type arguments, so
 * a typo in a signature string fails here rather than as a confusing check error in a user's
 * pipeline; owners and supertypes exist too.
 */
class RegistryConsistencyTest {
  private static final BuiltinRegistry REGISTRY = Stdlib.registry();
  /** Synthesized by the checker from the file's {@code param} declarations. */
  private static final String PARAMS_TYPE = "Params";

  @Test
  void everyReferencedTypeIsDeclared() {
    var problems = new ArrayList<String>();
    for (BuiltinFunction f : REGISTRY.functions()) {
      // a method on a bare type variable (T.let) belongs to every type, not to a declared one
      boolean onTypeVariable = f.receiverType() instanceof Type.TypeVar;
      if (f.owner() != null && REGISTRY.type(f.owner()).isEmpty() && !onTypeVariable) {
        problems.add(f.qualifiedName() + ": unknown owner type");
      }
      check(f.qualifiedName(), f.receiverType(), problems);
      for (BuiltinParam p : f.params()) {
        check(f.qualifiedName() + "(" + p.name() + ")", p.type(), problems);
      }
      check(f.qualifiedName() + " result", f.result(), problems);
    }
    for (BuiltinProperty p : REGISTRY.properties()) {
      if (p.owner() != null && REGISTRY.type(p.owner()).isEmpty()) {
        problems.add(p.qualifiedName() + ": unknown owner type");
      }
      check(p.qualifiedName(), p.receiverType(), problems);
      check(p.qualifiedName(), p.type(), problems);
    }
    for (BuiltinType t : REGISTRY.types()) {
      for (String s : t.supertypes()) {
        if (REGISTRY.type(s).isEmpty()) {
          problems.add("type " + t.name() + ": unknown supertype " + s);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void check(String where, Type t, List<String> problems) {
    switch (t) {
      case null -> { }
      case Type.ClassType c -> {
        var decl = REGISTRY.type(c.name());
        if (decl.isEmpty() && !c.name().equals(PARAMS_TYPE)) {
          problems.add(where + ": unknown type " + c.name());
        } else if (decl.isPresent() && decl.get().typeParams().size() != c.args().size()) {
          problems.add(where + ": " + c + " needs " + decl.get().typeParams().size() + " type arguments");
        }
        c.args().forEach(a -> check(where, a, problems));
      }
      case Type.NullableType n -> check(where, n.inner(), problems);
      case Type.FnType f -> {
        check(where, f.receiver(), problems);
        f.params().forEach(p -> check(where, p, problems));
        check(where, f.result(), problems);
      }
      case Type.UnionType u -> u.members().forEach(m -> check(where, m, problems));
      case Type.TypeVar v -> { }
      case Type.ErrorType e -> problems.add(where + ": error type in a declaration");
    }
  }
}
