package io.slipway.stdlib.docs;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinProperty;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.builtin.BuiltinType;
import io.slipway.diag.Code;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the standard library reference ({@code slipway docs}) from the registry, the same
 * declarations the checker and the interpreter read, so the reference cannot drift from the
 * implementation. Sections follow the declaration categories in registration order; inside each:
 * the types whose first member belongs to it (a type without members follows the type declared
 * before it), global functions, global values, then the members
 * of each type. Ends with the table of diagnostic codes. Each builtin appears exactly once.
 */
public final class DocsGenerator {
  private static final String TYPES_WITHOUT_MEMBERS = "Other types";
  static final String PLAN_NOTE = "`slipway plan` evaluates the whole file (top level, pipeline "
      + "block, stage bodies, post blocks) without side effects: it runs no command, starts no "
      + "container, sends no request and writes no file. A call marked *planned* is listed "
      + "there with its evaluated arguments instead of running, and what is computed from its "
      + "result prints as `<computed at run time>`; a condition or loop over such a value is "
      + "listed as undecided, naming the call it depends on.";
  private static final String PLANNED = "*Planned:* `slipway plan` lists this call instead of "
      + "running it.";

  private final BuiltinRegistry registry;

  public DocsGenerator(BuiltinRegistry registry) {
    this.registry = registry;
  }

  /** One category of the reference. */
  record Section(String name, List<BuiltinType> types, List<BuiltinFunction> functions,
      List<BuiltinProperty> values, Map<String, List<Object>> members) {
    Section(String name) {
      this(name, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>());
    }
  }

  /** The reference as Markdown. */
  public String markdown() {
    var md = new StringBuilder("# Slipway standard library\n\n")
        .append("Generated from the builtin declarations (`slipway docs`). Signatures are in Slipway notation; ")
        .append("parameters with a default may be left out or passed by name.\n\n")
        .append(PLAN_NOTE).append('\n');
    for (Section s : sections()) {
      md.append("\n## ").append(s.name()).append("\n");
      if (!s.types().isEmpty()) {
        md.append("\n### Types\n\n");
        s.types().forEach(t -> md.append(item(Signatures.of(t), t.doc())));
      }
      if (!s.functions().isEmpty()) {
        md.append("\n### Functions\n\n");
        s.functions().forEach(f -> md.append(item(Signatures.of(f), doc(f))));
      }
      if (!s.values().isEmpty()) {
        md.append("\n### Values\n\n");
        s.values().forEach(p -> md.append(item(Signatures.of(p), p.doc())));
      }
      s.members().forEach((owner, members) -> {
        md.append("\n### Members of `").append(owner).append("`\n\n");
        members.forEach(m -> md.append(m instanceof BuiltinFunction f ? item(Signatures.of(f), doc(f))
            : item(Signatures.of((BuiltinProperty) m), ((BuiltinProperty) m).doc())));
      });
    }
    md.append("\n## Language forms\n\n").append(LanguageForms.INTRO).append("\n\n");
    LanguageForms.FORMS.forEach(f -> md.append("- ").append(f.name()).append(": `").append(f.example()
        .replace("`", "")).append("`\n"));
    md.append("\n## Diagnostic codes\n\n| code | meaning |\n| --- | --- |\n");
    for (Code c : Code.values()) {
      md.append("| ").append(c.id()).append(" | ").append(c.title().replace("|", "\\|")).append(" |\n");
    }
    return md.toString();
  }

  /** The reference as plain text for a terminal. */
  public String text() {
    var out = new StringBuilder("SLIPWAY STANDARD LIBRARY\n\n").append(PLAN_NOTE).append('\n');
    for (Section s : sections()) {
      out.append("\n").append(s.name().toUpperCase(java.util.Locale.ROOT)).append("\n");
      s.types().forEach(t -> out.append(textItem(Signatures.of(t), t.doc())));
      s.functions().forEach(f -> out.append(textItem(Signatures.of(f), doc(f))));
      s.values().forEach(p -> out.append(textItem(Signatures.of(p), p.doc())));
      s.members().forEach((owner, members) -> members.forEach(m -> out.append(m instanceof BuiltinFunction f
          ? textItem(Signatures.of(f), doc(f))
          : textItem(Signatures.of((BuiltinProperty) m), ((BuiltinProperty) m).doc()))));
    }
    out.append("\nLANGUAGE FORMS\n").append(LanguageForms.INTRO).append('\n');
    LanguageForms.FORMS.forEach(f -> out.append(textItem(f.name(), f.example())));
    out.append("\nDIAGNOSTIC CODES\n");
    for (Code c : Code.values()) {
      out.append("  ").append(c.id()).append("  ").append(c.title()).append("\n");
    }
    return out.toString();
  }

  /** A function's documentation, marked when {@code slipway plan} does not run it. */
  private static String doc(BuiltinFunction f) {
    boolean planned = !f.effects().stream().allMatch(io.slipway.builtin.Effect::atPlanTime);
    return planned ? f.doc().strip() + " " + PLANNED : f.doc();
  }

  private static String item(String signature, String doc) {
    return "- `" + signature + "`" + (doc == null || doc.isBlank() ? "" : " — " + doc.strip().replace("\n", " ")) + "\n";
  }

  private static String textItem(String signature, String doc) {
    return "  " + signature + "\n" + (doc == null || doc.isBlank() ? "" : "      " + doc.strip().replace("\n", "\n      ") + "\n");
  }

  /** Groups every declaration into its category, keeping registration order. */
  List<Section> sections() {
    var sections = new LinkedHashMap<String, Section>();
    var typeCategory = new LinkedHashMap<String, String>();
    // sections in the order functions were declared; global functions first
    for (BuiltinFunction f : registry.functions()) {
      Section s = sections.computeIfAbsent(f.category(), Section::new);
      if (f.owner() == null) {
        s.functions().add(f);
      }
    }
    // a type's members: properties, then methods
    for (BuiltinProperty p : registry.properties()) {
      Section s = sections.computeIfAbsent(p.category(), Section::new);
      if (p.owner() == null) {
        s.values().add(p);
      } else {
        typeCategory.putIfAbsent(p.owner(), p.category());
        s.members().computeIfAbsent(ownerLabel(p.owner()), k -> new ArrayList<>()).add(p);
      }
    }
    for (BuiltinFunction f : registry.functions()) {
      if (f.owner() != null) {
        typeCategory.putIfAbsent(f.owner(), f.category());
        sections.get(f.category()).members().computeIfAbsent(ownerLabel(f.owner()), k -> new ArrayList<>()).add(f);
      }
    }
    // a type without members joins the section of the type declared before it (error types
    // after Error, Docker types after Docker types); declaration order groups related types
    String previous = TYPES_WITHOUT_MEMBERS;
    for (BuiltinType t : registry.types()) {
      String cat = typeCategory.getOrDefault(t.name(), previous);
      sections.computeIfAbsent(cat, Section::new).types().add(t);
      previous = cat;
    }
    return List.copyOf(sections.values());
  }

  private String ownerLabel(String owner) {
    return registry.type(owner)
        .map(t -> t.typeParams().isEmpty() ? t.name() : t.name() + "<" + String.join(", ", t.typeParams()) + ">")
        .orElse(owner);
  }
}
