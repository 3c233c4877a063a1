package io.slipway.stdlib.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.api.Slipway;
import io.slipway.stdlib.Stdlib;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Docker code of spec §6, §7 and §9, inside pipelines, checks clean against the declarations. */
class DockerSpecExamplesCheckTest {
  @ParameterizedTest
  @ValueSource(strings = {"section6.slip", "section7.slip", "section9.slip"})
  void checksClean(String name) throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/docker-spec/" + name).toURI());
    var result = new Slipway(Stdlib.registry()).check(file);
    assertThat(result.diagnostics()).as(name).isEmpty();
  }
}
