package io.slipway.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonViewTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<JsonNode> lines() throws Exception {
    var bytes = new ByteArrayOutputStream();
    SampleRun.feed(new JsonView(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    var nodes = new ArrayList<JsonNode>();
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      nodes.add(MAPPER.readTree(line));
    }
    return nodes;
  }

  @Test
  void everyEventIsOneJsonObjectPerLine() throws Exception {
    List<JsonNode> nodes = lines();
    assertThat(nodes).hasSize(SampleRun.events().size());
    assertThat(nodes).allSatisfy(n -> {
      assertThat(n.isObject()).isTrue();
      assertThat(Set.of("run", "stage", "step", "log", "resource", "result"))
          .contains(n.get("type").asText());
      assertThat(n.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    });
  }

  @Test
  void fieldNamesAreTheDocumentedSchema() throws Exception {
    List<JsonNode> nodes = lines();
    JsonNode run = nodes.getFirst();
    assertThat(fields(run)).containsExactly("type", "event", "time", "runId", "pipeline", "build",
        "file", "stages");
    assertThat(fields(run.get("stages").get(3))).containsExactly("name", "needs", "group");
    assertThat(run.get("stages").get(3).get("needs").get(0).asText()).isEqualTo("test");
    assertThat(fields(nodes.get(1))).containsExactly("type", "event", "time", "stage");
    assertThat(fields(nodes.get(2))).containsExactly("type", "event", "time", "stage", "step",
        "description", "line");
    assertThat(fields(nodes.get(3))).containsExactly("type", "time", "stage", "stream", "line");
    assertThat(nodes.get(3).get("line").asText()).isEqualTo("compiling <main> & \"friends\"");
    assertThat(fields(nodes.get(4))).containsExactly("type", "event", "time", "stage", "step",
        "status", "durationMs", "exitCode");
    assertThat(fields(nodes.get(6))).containsExactly("type", "event", "time", "stage", "kind",
        "id", "name");
    JsonNode stageDone = nodes.get(14);
    assertThat(fields(stageDone)).containsExactly("type", "event", "time", "stage", "status",
        "durationMs", "error");
    assertThat(stageDone.get("status").asText()).isEqualTo("failed");
    JsonNode result = nodes.getLast();
    assertThat(fields(result)).containsExactly("type", "time", "status", "durationMs", "error",
        "exitCode");
    assertThat(result.get("exitCode").asInt()).isEqualTo(1);
    assertThat(result.get("durationMs").asLong()).isEqualTo(4000);
  }

  @Test
  void controlCharactersAndScriptEndTagsAreEscaped() throws Exception {
    String raw = "a\u001b[0m</script>\u2028\u2029\"\\\t\u00e9";
    String s = Json.write(java.util.Map.of("k", raw));
    assertThat(s).isEqualTo("{\"k\":\"a\\u001B[0m\\u003C/script>\\u2028\\u2029\\\"\\\\\\t\u00e9\"}");
    assertThat(MAPPER.readTree(s).get("k").asText()).isEqualTo(raw);
  }

  @Test
  void otherValuesAreWrittenAsTheirText() {
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("d", java.time.Duration.ofSeconds(3));
    m.put("n", null);
    m.put("l", List.of(1, 2.5, true));
    m.put("m", java.util.Map.of(7, "x"));
    assertThat(Json.write(m)).isEqualTo("{\"d\":\"PT3S\",\"n\":null,\"l\":[1,2.5,true],\"m\":{\"7\":\"x\"}}");
  }

  private static List<String> fields(JsonNode n) {
    var names = new ArrayList<String>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
