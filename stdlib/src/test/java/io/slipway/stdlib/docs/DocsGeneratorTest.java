package io.slipway.stdlib.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.builtin.BuiltinFunction;
import io.slipway.builtin.BuiltinParam;
import io.slipway.builtin.BuiltinRegistry;
import io.slipway.diag.Code;
import io.slipway.stdlib.Stdlib;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsGeneratorTest {
  private static final BuiltinRegistry REGISTRY = Stdlib.registry();
  private final DocsGenerator docs = new DocsGenerator(REGISTRY);

  @Test
  void everyBuiltinIsDocumented() {
    var undocumented = new ArrayList<String>();
    REGISTRY.types().stream().filter(t -> t.doc() == null || t.doc().isBlank()).forEach(t -> undocumented.add("type " + t.name()));
    REGISTRY.functions().stream().filter(f -> f.doc() == null || f.doc().isBlank()).forEach(f -> undocumented.add(f.qualifiedName()));
    REGISTRY.properties().stream().filter(p -> p.doc() == null || p.doc().isBlank()).forEach(p -> undocumented.add(p.qualifiedName()));
    assertThat(undocumented).isEmpty();
  }

  @Test
  void everyOptionalParameterShowsItsDefault() {
    var missing = new ArrayList<String>();
    for (BuiltinFunction f : REGISTRY.functions()) {
      for (BuiltinParam p : f.params()) {
        if (!p.required() && !p.vararg() && (p.defaultText() == null || p.defaultText().isBlank())) {
          missing.add(f.qualifiedName() + "(" + p.name() + ")");
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void markdownListsEachBuiltinExactlyOnce() {
    String md = docs.markdown();
    var signatures = new ArrayList<String>();
    REGISTRY.types().forEach(t -> signatures.add(Signatures.of(t)));
    REGISTRY.functions().forEach(f -> signatures.add(Signatures.of(f)));
    REGISTRY.properties().forEach(p -> signatures.add(Signatures.of(p)));
    for (String sig : signatures) {
      assertThat(occurrences(md, "- `" + sig + "`")).as(sig).isEqualTo(1);
    }
    for (Code c : Code.values()) {
      assertThat(md).contains("| " + c.id() + " | " + c.title());
    }
    String text = docs.text();
    for (String sig : signatures) {
      assertThat(occurrences(text, "  " + sig + "\n")).as(sig).isEqualTo(1);
    }
  }

  @Test
  void signaturesUseSlipwayNotation() {
    assertThat(Signatures.of(REGISTRY.method("List", "map").orElseThrow()))
        .isEqualTo("fun <R> List<T>.map(transform: (T) -> R): List<R>");
    assertThat(Signatures.of(REGISTRY.method("List", "joinToString").orElseThrow()))
        .isEqualTo("fun List<T>.joinToString(separator: String = \", \", prefix: String = \"\", postfix: String = \"\", "
            + "transform: ((T) -> String)? = null): String");
    assertThat(Signatures.of(REGISTRY.function("listOf").orElseThrow())).isEqualTo("fun <T> listOf(vararg elements: T): List<T>");
    assertThat(Signatures.of(REGISTRY.method("MutableList", "clear").orElseThrow())).isEqualTo("fun MutableList<T>.clear()");
    assertThat(Signatures.of(REGISTRY.property("Int", "seconds").orElseThrow())).isEqualTo("val Int.seconds: Duration");
    assertThat(Signatures.of(REGISTRY.property(null, "http").orElseThrow())).isEqualTo("val http: Http");
    assertThat(Signatures.of(REGISTRY.type("MutableList").orElseThrow())).isEqualTo("type MutableList<T> : List");
    assertThat(Signatures.of(REGISTRY.method("Json", "get").orElseThrow())).isEqualTo("fun Json.get(key: String | Int): Json");
  }

  @Test
  void sectionsFollowCategories() {
    List<String> names = docs.sections().stream().map(DocsGenerator.Section::name).toList();
    assertThat(names).contains("Collections", "Strings", "Units", "JSON", "Files", "HTTP", "Scripts");
    String md = docs.markdown();
    int collections = md.indexOf("\n## Collections\n");
    assertThat(md.indexOf("### Members of `List<T>`", collections)).isLessThan(md.indexOf("\n## ", collections + 1));
    assertThat(md).contains("- `type Json`");
  }

  private static int occurrences(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void callsThatPlanDoesNotRunAreMarked() {
    String md = docs.markdown();
    assertThat(md).contains(DocsGenerator.PLAN_NOTE);
    assertThat(line(md, "- `fun sh(")).contains("*Planned:*");
    assertThat(line(md, "- `fun build(")).contains("*Planned:*");
    assertThat(line(md, "- `fun writeFile(")).contains("*Planned:*");
    assertThat(line(md, "- `fun readFile(")).doesNotContain("*Planned:*");
    assertThat(line(md, "- `fun echo(")).doesNotContain("*Planned:*");
  }

  private static String line(String text, String start) {
    return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void languageFormsAreListed() {
    String md = new DocsGenerator(io.slipway.stdlib.Stdlib.registry()).markdown();
    assertThat(md).contains("## Language forms").contains("enum class Env").contains("$$\"\"\"")
        .contains("return@forEach").contains("W0301");
    assertThat(new DocsGenerator(io.slipway.stdlib.Stdlib.registry()).text()).contains("LANGUAGE FORMS");
  }
}
