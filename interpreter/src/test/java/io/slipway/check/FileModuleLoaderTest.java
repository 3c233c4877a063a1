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
}
