package io.slipway.compose.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one encoder behind compose's config hash and a stack's spec and task hashes. */
class CanonicalHashTest {
  record Spec(String image, List<String> command, Map<String, String> env) {}

  @Test
  void mapsHashAlikeWhateverTheirOrder() {
    Map<String, String> ab = new LinkedHashMap<>();
    ab.put("A", "1");
    ab.put("B", "2");
    Map<String, String> ba = new LinkedHashMap<>();
    ba.put("B", "2");
    ba.put("A", "1");
    assertThat(CanonicalHash.of(new Spec("x", List.of("sh"), ab), "sha256:1"))
        .isEqualTo(CanonicalHash.of(new Spec("x", List.of("sh"), ba), "sha256:1"))
        .hasSize(64);
  }

  @Test
  void contentDifferencesChangeTheHash() {
    Spec base = new Spec("x", List.of("a", "b"), Map.of());
    assertThat(CanonicalHash.of(base, "i1")).isNotEqualTo(CanonicalHash.of(base, "i2"));
    // length prefixes: ["a,b"] is not ["a", "b"]
    assertThat(CanonicalHash.of(new Spec("x", List.of("a,b"), Map.of()), "i1")).isNotEqualTo(CanonicalHash.of(base, "i1"));
    // null is not the string "null", nor an empty list
    assertThat(CanonicalHash.text(new Spec(null, null, Map.of())))
        .isNotEqualTo(CanonicalHash.text(new Spec("null", List.of(), Map.of())));
    assertThat(CanonicalHash.text(Arrays.asList("a", null))).isEqualTo("[1:a,~,]");
  }

  @Test
  void shortHashesArePrefixesOfTheFullOne() {
    Spec s = new Spec("x", List.of(), Map.of("K", "v"));
    assertThat(CanonicalHash.hex(16, s)).hasSize(32).isEqualTo(CanonicalHash.of(s).substring(0, 32));
  }
}
