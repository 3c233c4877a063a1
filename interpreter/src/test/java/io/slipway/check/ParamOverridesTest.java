package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ast.Expr;
import io.slipway.syntax.ast.Ident;
import io.slipway.syntax.ast.Stmt;
import io.slipway.types.Type;
import io.slipway.types.Types;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamOverridesTest {
  private static final SourceFile FILE = SourceFile.of("Slipfile", "param x = 1\n");

  private static ParamInfo param(String name, Type type, boolean withDefault) {
    var decl = new Stmt.ParamDecl(new Span(0, 11), new Ident(new Span(6, 7), name), null,
        withDefault ? new Expr.IntLit(new Span(10, 11), 1) : null, null);
    return new ParamInfo(name, type, decl, FILE);
  }

  private static final List<ParamInfo> PARAMS = List.of(
      param("replicas", Types.INT, true), param("ratio", Types.DOUBLE, true), param("dry", Types.BOOL, true),
      param("registry", Types.STRING, true), param("wait", Types.DURATION, true),
      param("deployTo", Types.nullable(Types.STRING), true));

  @Test
  void convertsByDeclaredType() {
    var out = new Diagnostics();
    Map<String, String> given = new LinkedHashMap<>();
    given.put("replicas", "3");
    given.put("ratio", "0.5");
    given.put("dry", "true");
    given.put("registry", "host:5000");
    given.put("wait", "1m30s");
    given.put("deployTo", "null");
    Map<String, Object> values = ParamOverrides.convert(PARAMS, given, out);
    assertThat(out.list()).isEmpty();
    assertThat(values).containsEntry("replicas", 3L).containsEntry("ratio", 0.5).containsEntry("dry", true)
        .containsEntry("registry", "host:5000").containsEntry("wait", Duration.ofSeconds(90))
        .containsEntry("deployTo", null);
    assertThat(ParamOverrides.convert(PARAMS, Map.of("wait", "150ms"), out)).containsEntry("wait", Duration.ofMillis(150));
    assertThat(ParamOverrides.convert(PARAMS, Map.of("wait", "5m"), out)).containsEntry("wait", Duration.ofMinutes(5));
    assertThat(ParamOverrides.convert(PARAMS, Map.of("registry", "null"), out)).containsEntry("registry", "null");
  }

  @Test
  void badValueIsLocatedAtTheDeclaration() {
    var out = new Diagnostics();
    ParamOverrides.convert(PARAMS, Map.of("replicas", "abc"), out);
    assertThat(out.list()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.E0503);
      assertThat(d.message()).isEqualTo("invalid value `abc` for param `replicas`: expected Int");
      assertThat(d.file()).isEqualTo(FILE);
    });
    for (var bad : List.of(Map.of("dry", "yes"), Map.of("wait", "30"), Map.of("wait", "5x"), Map.of("ratio", "x"),
        Map.of("replicas", "null"))) {
      var o = new Diagnostics();
      ParamOverrides.convert(PARAMS, bad, o);
      assertThat(o.list()).as(bad.toString()).extracting(d -> d.code()).containsExactly(Code.E0503);
    }
  }

  @Test
  void unknownNameSuggests() {
    var out = new Diagnostics();
    ParamOverrides.convert(PARAMS, Map.of("replica", "3"), out);
    assertThat(out.list()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.E0504);
      assertThat(d.message()).isEqualTo("unknown param `replica`");
      assertThat(d.hint()).isEqualTo("did you mean `replicas`?");
    });
  }

  @Test
  void missingRequired() {
    var out = new Diagnostics();
    ParamOverrides.convert(List.of(param("version", Types.STRING, false)), Map.of(), out);
    assertThat(out.list()).extracting(d -> d.code()).containsExactly(Code.E0503);
  }
}
