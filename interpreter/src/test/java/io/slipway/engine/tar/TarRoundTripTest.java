package io.slipway.engine.tar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TarWriter output read back by TarReader, and by the system's tar. */
class TarRoundTripTest {
  @Test
  void filesDirectoriesLongNamesAndSymlinksSurvive(@TempDir Path tmp) throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.createDirectories(src.resolve("sub"));
    Files.writeString(src.resolve("a.txt"), "alpha");
    String longName = "n".repeat(150) + ".txt";
    Files.writeString(src.resolve(longName), "long");
    Files.createSymbolicLink(src.resolve("link"), Path.of("a.txt"));
    var bytes = new ByteArrayOutputStream();
    try (var w = new TarWriter(bytes)) {
      w.add(src, "src");
      w.add(src.resolve("sub"), "src/sub");
      w.add(src.resolve("a.txt"), "src/a.txt");
      w.add(src.resolve(longName), "src/" + longName);
      w.add(src.resolve("link"), "src/link");
      w.addBytes("src/ünï.txt", "x".repeat(1000).getBytes(StandardCharsets.UTF_8), 0600);
    }
    Path out = Files.createDirectories(tmp.resolve("out"));
    List<Path> written = TarReader.extract(new ByteArrayInputStream(bytes.toByteArray()), out, null);
    assertThat(written).hasSize(6);
    assertThat(out.resolve("src/a.txt")).hasContent("alpha");
    assertThat(out.resolve("src/" + longName)).hasContent("long");
    assertThat(Files.readSymbolicLink(out.resolve("src/link"))).isEqualTo(Path.of("a.txt"));
    assertThat(Files.readString(out.resolve("src/ünï.txt"))).hasSize(1000);
    assertThat(out.resolve("src/sub")).isDirectory();
    Path renamed = Files.createDirectories(tmp.resolve("renamed"));
    TarReader.extract(new ByteArrayInputStream(bytes.toByteArray()), renamed, "copy");
    assertThat(renamed.resolve("copy/a.txt")).hasContent("alpha");
    Path tarFile = Files.write(tmp.resolve("x.tar"), bytes.toByteArray());
    Process p = new ProcessBuilder("tar", "tf", tarFile.toString()).redirectErrorStream(true).start();
    String listing = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(listing).contains("src/" + longName, "src/ünï.txt");
  }

  @Test
  void entriesEscapingTheDestinationAreRejected(@TempDir Path tmp) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var w = new TarWriter(bytes)) {
      w.addBytes("../evil", new byte[] {1}, 0644);
    }
    assertThatThrownBy(() -> TarReader.extract(new ByteArrayInputStream(bytes.toByteArray()), tmp, null))
        .isInstanceOf(IOException.class).hasMessageContaining("outside");
  }

  @Test
  void buildContextHonoursDockerignoreButKeepsDockerfile(@TempDir Path ctx) throws Exception {
    Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch");
    Files.writeString(ctx.resolve(".dockerignore"), "Dockerfile\n.dockerignore\n*.secret\ncache\n");
    Files.writeString(ctx.resolve("app.txt"), "a");
    Files.writeString(ctx.resolve("x.secret"), "s");
    Files.createDirectories(ctx.resolve("cache/deep"));
    Files.writeString(ctx.resolve("cache/deep/f"), "f");
    var names = BuildContext.write(ctx, "Dockerfile", new ByteArrayOutputStream());
    assertThat(names).contains("Dockerfile", ".dockerignore", "app.txt").doesNotContain("x.secret", "cache/", "cache/deep/f");
  }
}
