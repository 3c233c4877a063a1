package io.slipway.repl;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.BuiltinType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code :doc NAME}: the signature and documentation of a builtin function, property or type,
 * read from the same declarations the checker and {@code slipway docs} use. {@code NAME} is
 * {@code sh}, {@code Container}, or a member {@code Container.exec}.
 */
final class Docs {
  private Docs() {}

  static ReplResponse doc(BuiltinRegistry registry, String name) {
    List<String> parts = new ArrayList<>();
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String owner = name.substring(0, dot);
      String member = name.substring(dot + 1);
      registry.method(owner, member).ifPresent(f -> parts.add(function(f)));
      registry.property(owner, member).ifPresent(p -> parts.add(property(p)));
    } else {
      registry.overloads(name).forEach(f -> parts.add(function(f))); // `run`: both overloads
      registry.property(null, name).ifPresent(p -> parts.add(property(p)));
      registry.type(name).ifPresent(t -> parts.add(type(registry, t)));
    }
    if (parts.isEmpty()) {
      List<String> near = registry.globalNames().stream()
          .filter(n -> n.toLowerCase().contains(name.toLowerCase())).sorted().limit(8).toList();
      return new ReplResponse.Failure("no builtin `" + name + "`"
          + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near)) + "\n");
    }
    return new ReplResponse.Output(String.join("\n", parts));
  }

  private static String function(BuiltinFunction f) {
    String params = f.params().stream().map(Docs::param).collect(Collectors.joining(", "));
    String owner = f.receiverType() != null ? f.receiverType() + "." : "";
    String result = f.result() == null || f.result().toString().equals("Unit") ? ""
        : ": " + f.result();
    return "fun " + owner + f.name() + "(" + params + ")" + result + "\n" + body(f.doc());
  }

  private static String property(BuiltinProperty p) {
    return "val " + (p.receiverType() == null ? "" : p.receiverType() + ".") + p.name() + ": "
        + p.type() + "\n" + body(p.doc());
  }

  private static String type(BuiltinRegistry registry, BuiltinType t) {
    String params = t.typeParams().isEmpty() ? "" : "<" + String.join(", ", t.typeParams()) + ">";
    List<String> members = registry.memberNames(t.name()).stream().sorted().distinct().toList();
    return "type " + t.name() + params + "\n" + body(t.doc())
        + (members.isEmpty() ? "" : "  members: " + String.join(", ", members) + "\n");
  }

  private static String param(BuiltinParam p) {
    String s = (p.vararg() ? "vararg " : "") + p.name() + ": " + p.type();
    if (!p.required() && !p.vararg()) {
      s += " = " + (p.defaultText() == null ? "..." : p.defaultText());
    }
    return s;
  }

  private static String body(String doc) {
    if (doc == null || doc.isBlank()) {
      return "";
    }
    return doc.strip().lines().map(l -> "  " + l).collect(Collectors.joining("\n")) + "\n";
  }
}
