package io.slipway.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.syntax.SlipParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports resolved on disk, relative to the importing file, checked once, cycles found by path. */
class FileModuleLoaderTest {
  @TempDir
  Path dir;

  private Diagnostics checkMain(Path main) throws IOException {
    var src = SourceFile.read(main, "app/Slipfile");
    var out = new Diagnostics();
    var parsed = SlipParser.parse(src);
    out.addAll(parsed.diagnostics());
    new Checker(CheckerHarness.REGISTRY).check(parsed.program(), new FileModuleLoader(), out, true);
    return out;
  }

  @Test
  void resolvesRelativeToTheImportingFileAndNamesFilesForUsers() throws IOException {
    Files.createDirectories(dir.resolve("app/lib/more"));
    Files.writeString(dir.resolve("app/lib/common.slip"), "import \"more/util.slip\"\nfun greet(): String = util()\n");
    Files.writeString(dir.resolve("app/lib/more/util.slip"), "fun util(): String = \"hi\"\nval broken: Int = \"x\"\n");
    Path main = dir.resolve("app/Slipfile");
    Files.writeString(main, "import \"lib/common.slip\"\npipeline(\"p\") { stage(\"s\") { echo(greet()) } }\n");
    Diagnostics out = checkMain(main);
    assertThat(out.list()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo(Code.E0203);
      assertThat(d.file().name()).isEqualTo("app/lib/more/util.slip");
    });
  }

  @Test
  void cyclesAndMissingFiles() throws IOException {
    Files.createDirectories(dir.resolve("app"));
    Files.writeString(dir.resolve("app/a.slip"), "import \"./b.slip\"\nfun a(): Int = 1\n");
    Files.writeString(dir.resolve("app/b.slip"), "import \"../app/a.slip\"\nimport \"gone.slip\"\nfun b(): Int = 2\n");
    Path main = dir.resolve("app/Slipfile");
    Files.writeString(main, "import \"a.slip\"\npipeline(\"p\") { stage(\"s\") { echo(a()) } }\n");
    Diagnostics out = checkMain(main);
    assertThat(out.sorted()).extracting(d -> d.code() + " " + d.message()).containsExactly(
        "E0502 import cycle: `a.slip` -> `b.slip` -> `a.slip`",
        "E0501 cannot find imported file `gone.slip`");
  }

  /** Issue 11 item 5: an import never reads a file whose lines an error would print. */
  @Test
  void importsAreSlipFilesInsideTheProject() throws IOException {
    Files.createDirectories(dir.resolve("app/.slipway"));
    Files.writeString(dir.resolve("app/.slipway/secrets"), "TOKEN=pa55-W0rd-xyz\n");
    Files.writeString(dir.resolve("outside.slip"), "fun out(): Int = 1\n");
    Files.createSymbolicLink(dir.resolve("app/link.slip"), dir.resolve("outside.slip"));
    Path main = dir.resolve("app/Slipfile");
    Files.writeString(main, """
        import ".slipway/secrets"
        import "/proc/self/environ"
        import "../outside.slip"
        import "link.slip"
        pipeline("p") { stage("s") { echo("x") } }
        """);
    Diagnostics out = checkMain(main);
    assertThat(out.sorted()).extracting(d -> d.code() + " " + d.line() + " " + d.message())
        .containsExactly(
            "E0507 1 only `.slip` files can be imported, not `.slipway/secrets`",
            "E0507 2 only `.slip` files can be imported, not `/proc/self/environ`",
            "E0507 3 `../outside.slip` is outside the project (" + dir.resolve("app").toRealPath() + ")",
            "E0507 4 `link.slip` is outside the project (" + dir.resolve("app").toRealPath() + ")");
  }

  @Test
  void aGitRepositoryIsTheProject() throws IOException {
    Files.createDirectories(dir.resolve(".git"));
    Files.createDirectories(dir.resolve("ci"));
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/common.slip"), "fun common(): String = \"c\"\n");
    Path main = dir.resolve("ci/Slipfile");
    Files.writeString(main, "import \"../lib/common.slip\"\npipeline(\"p\") { stage(\"s\") { echo(common()) } }\n");
    assertThat(checkMain(main).list()).isEmpty();
  }
}
