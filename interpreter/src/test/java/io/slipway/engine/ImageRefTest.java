package io.slipway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageRefTest {
  @Test
  void splitsRegistryRepositoryTagAndDigest() {
    assertThat(ImageRef.parse("alpine")).isEqualTo(new ImageRef("docker.io", "alpine", "latest", null));
    assertThat(ImageRef.parse("localhost:5000/team/app:1.2")).isEqualTo(new ImageRef("localhost:5000", "team/app", "1.2", null));
    assertThat(ImageRef.parse("localhost/app")).isEqualTo(new ImageRef("localhost", "app", "latest", null));
    assertThat(ImageRef.parse("team/app:3")).isEqualTo(new ImageRef("docker.io", "team/app", "3", null));
    assertThat(ImageRef.parse("reg.example/app@sha256:abc").digest()).isEqualTo("sha256:abc");
    assertThat(ImageRef.parse("localhost:5000/app").toString()).isEqualTo("localhost:5000/app:latest");
    assertThat(ImageRef.parse("busybox:1").name()).isEqualTo("busybox");
  }

  @Test
  void runLabelsScopeNamesPerRun() {
    var a = new RunLabels("run-1", "p", 1, "h", "");
    var b = new RunLabels("run-2", "p", 1, "h", "");
    assertThat(a.scoped("db")).startsWith("db-").hasSize(11).isNotEqualTo(b.scoped("db"));
    assertThat(a.labels()).containsEntry(RunLabels.RUN, "run-1").containsEntry(RunLabels.PIPELINE, "p")
        .containsEntry(RunLabels.MANAGED, "true");
  }
}
