package io.slipway.stdlib.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.value.SlipException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesTest {
  @TempDir
  Path dir;

  @Test
  void readWriteAppendDeleteRelativeToBuildDir() throws Exception {
    var cx = new TestContext(dir);
    cx.call("writeFile", "out/deep/report.txt", "héllo\n");
    assertThat(Files.readString(dir.resolve("out/deep/report.txt"))).isEqualTo("héllo\n");
    cx.call("appendFile", "out/deep/report.txt", "more");
    assertThat(cx.call("readFile", "out/deep/report.txt")).isEqualTo("héllo\nmore");
    assertThat(cx.call("fileExists", "out/deep")).isEqualTo(true);
    assertThat(cx.call("deleteFile", "out/deep/report.txt")).isEqualTo(true);
    assertThat(cx.call("deleteFile", "out/deep/report.txt")).isEqualTo(false);
    assertThat(cx.call("fileExists", "out/deep/report.txt")).isEqualTo(false);
    assertThatThrownBy(() -> cx.call("readFile", "missing.txt")).isInstanceOf(SlipException.class)
        .hasMessage("readFile: no such file `missing.txt`");
    assertThatThrownBy(() -> cx.call("deleteFile", "out")).hasMessage("deleteFile: directory `out` is not empty");
  }

  @Test
  void globIsSortedRelativeAndShellLike() throws Exception {
    var cx = new TestContext(dir);
    for (String f : List.of("target/app.jar", "target/lib/dep.jar", "target/app.txt", "target/.hidden.jar",
        "src/A.kt", "src/main/B.kt", "src/main/x/C.kt", "README.md", ".git/objects/x.kt", "src/.cache/D.kt")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, f);
    }
    assertThat(cx.call("glob", "target/*.jar")).isEqualTo(List.of("target/app.jar"));
    assertThat(cx.call("glob", "target/**/*.jar")).isEqualTo(List.of("target/app.jar", "target/lib/dep.jar"));
    assertThat(cx.call("glob", "src/**/*.kt")).isEqualTo(List.of("src/A.kt", "src/main/B.kt", "src/main/x/C.kt"));
    assertThat(cx.call("glob", "target/.*.jar")).isEqualTo(List.of("target/.hidden.jar"));
    assertThat(cx.call("glob", "target/app.{jar,txt}")).isEqualTo(List.of("target/app.jar", "target/app.txt"));
    assertThat(cx.call("glob", "*.md")).isEqualTo(List.of("README.md"));
    assertThat(cx.call("glob", "*")).isEqualTo(List.of("README.md", "src", "target"));
    assertThat(cx.call("glob", "nothing/*.jar")).isEqualTo(List.of());
    assertThat(cx.call("glob", "README.md")).isEqualTo(List.of("README.md"));
    assertThat(cx.call("glob", "**/*.kt")).isEqualTo(List.of("src/A.kt", "src/main/B.kt", "src/main/x/C.kt"));
    assertThat(cx.call("glob", "src/.cache/*.kt")).isEqualTo(List.of("src/.cache/D.kt"));
    assertThat(cx.call("glob", ".git/**")).isEqualTo(List.of(".git/objects", ".git/objects/x.kt"));
  }

  @Test
  void aBadGlobIsASlipwayErrorPointingAtTheColumn() {
    var cx = new TestContext(dir);
    // before the shared dialect, "[[]" and a trailing "\\" were PatternSyntaxExceptions (internal errors)
    assertThatThrownBy(() -> cx.call("glob", "src/[[]x"))
        .isInstanceOf(io.slipway.value.SlipException.class)
        .hasMessage("glob: invalid glob `src/[[]x` at column 6: `[` inside a character class (write `\\[`)");
    assertThatThrownBy(() -> cx.call("glob", "a\\"))
        .isInstanceOf(io.slipway.value.SlipException.class)
        .hasMessageContaining("column 2: the pattern ends with a lone `\\`");
    assertThatThrownBy(() -> cx.call("glob", "x/[z-a]"))
        .isInstanceOf(io.slipway.value.SlipException.class)
        .hasMessageContaining("column 3: invalid character class `[z-a]`");
  }

  @Test
  void escapedWildcardsAreLiteralNames() throws Exception {
    var cx = new TestContext(dir);
    Files.writeString(dir.resolve("a*b.txt"), "x");
    Files.writeString(dir.resolve("axb.txt"), "x");
    assertThat(cx.call("glob", "a\\*b.txt")).isEqualTo(List.of("a*b.txt"));
    assertThat(cx.call("glob", "a[!*]b.txt")).isEqualTo(List.of("axb.txt"));
  }

  @Test
  void gitIsReadFromDotGit() throws Exception {
    var cx = new TestContext(dir.resolve("sub"));
    Files.createDirectories(dir.resolve("sub"));
    assertThat(cx.prop("Git", "commit", cx.call0("git"))).isNull();
    String sha = "0123456789abcdef0123456789abcdef01234567";
    Files.createDirectories(dir.resolve(".git/refs/heads/feature"));
    Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/feature/x\n");
    Files.writeString(dir.resolve(".git/packed-refs"), "# pack-refs with: peeled\n" + sha + " refs/heads/feature/x\n");
    Object git = cx.call0("git");
    assertThat(cx.prop("Git", "commit", git)).isEqualTo(sha);
    assertThat(cx.prop("Git", "shortCommit", git)).isEqualTo("0123456");
    assertThat(cx.prop("Git", "branch", git)).isEqualTo("feature/x");
    Files.writeString(dir.resolve(".git/HEAD"), sha + "\n");
    assertThat(cx.prop("Git", "branch", cx.call0("git"))).isNull();
  }

  @Test
  void gitOfThisRepository() throws Exception {
    var cx = new TestContext(Path.of("").toAbsolutePath());
    Object git = cx.call0("git");
    var proc = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String expected = new String(proc.getInputStream().readAllBytes()).trim();
    if (proc.waitFor() == 0) {
      assertThat(cx.prop("Git", "commit", git)).isEqualTo(expected);
    }
  }
}
