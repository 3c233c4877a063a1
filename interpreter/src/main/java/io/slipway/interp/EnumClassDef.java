package io.slipway.interp;

import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Stmt;
import io.slipway.value.SlipException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code enum class} as a value: {@code Env.DEV}, {@code Env.entries}, {@code Env.values()},
 * {@code Env.valueOf("DEV")}. The entries are made on first use (their constructor arguments
 * may name constants declared later in the file), once.
 */
final class EnumClassDef {
  private final Stmt.DataClass decl;
  private final Env env;
  private final SourceFile file;
  private List<EnumValue> entries;

  EnumClassDef(Stmt.DataClass decl, Env env, SourceFile file) {
    this.decl = decl;
    this.env = env;
    this.file = file;
  }

  /** Whether {@code id} names one of the entries. */
  boolean hasEntry(String id) {
    return decl.entries().stream().anyMatch(e -> e.name().text().equals(id));
  }

  String name() {
    return decl.name().text();
  }

  synchronized List<EnumValue> entries(Evaluator ev) {
    if (entries == null) {
      List<EnumValue> out = new ArrayList<>();
      DataClassDef ctor = new DataClassDef(name(), decl.properties(), env, file);
      for (Stmt.EnumEntry e : decl.entries()) {
        Map<String, Object> props = new HashMap<>();
        if (!decl.properties().isEmpty()) {
          List<Object> positional = new ArrayList<>();
          Map<String, Object> named = new HashMap<>();
          for (var a : e.args()) {
            Object v = ev.eval(a.value(), env);
            if (a.name() == null) {
              positional.add(v);
            } else {
              named.put(a.name().text(), v);
            }
          }
          DataObject values = (DataObject) ctor.call(ev, null, positional, named, e.span());
          props.putAll(values.properties());
        }
        out.add(new EnumValue(name(), e.name().text(), out.size(), props));
      }
      entries = List.copyOf(out);
      // body properties: once per entry, after all entries exist (an initializer may name one)
      if (!decl.state().isEmpty()) {
        ev.inFile(file, () -> {
          for (EnumValue v : out) {
            Env init = env.childWithReceiver(v);
            decl.state().forEach(p -> v.initProperty(p.name().text(), ev.eval(p.init(), init)));
          }
          return null;
        });
      }
    }
    return entries;
  }

  /** {@code Env.DEV} or {@code Env.entries}. */
  Object property(Evaluator ev, String member) {
    if (member.equals("entries")) {
      return entries(ev);
    }
    for (EnumValue v : entries(ev)) {
      if (v.name().equals(member)) {
        return v;
      }
    }
    throw SlipException.error("unknown member `" + member + "` of enum class `" + name() + "`");
  }

  /** {@code Env.values()} or {@code Env.valueOf(name)}. */
  Object call(Evaluator ev, String member, List<Object> args) {
    if (member.equals("values")) {
      return entries(ev);
    }
    if (member.equals("valueOf") && args.size() == 1) {
      for (EnumValue v : entries(ev)) {
        if (v.name().equals(args.get(0))) {
          return v;
        }
      }
      throw SlipException.error("no enum constant " + name() + "." + args.get(0));
    }
    throw SlipException.error("unknown member `" + member + "` of enum class `" + name() + "`");
  }

  @Override
  public String toString() {
    return "enum class " + name();
  }
}
