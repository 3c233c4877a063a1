package io.slipway.cli.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminfoCacheTest {
  private static final String CAPS = "slipway-test|a test terminal,\n\tam, cols#80, bel=^G,\n";

  @Test
  void whatJlineLearntIsKeptAndHandedBackAtTheNextStart(@TempDir Path dir) throws Exception {
    Path terminfo = dir.resolve("terminfo");
    // the first start: nothing cached, jline asks infocmp (here: what it would have answered)
    Files.createDirectories(terminfo.resolve("s"));
    Files.writeString(terminfo.resolve("s/slipway-test-a"), "compiled entry");
    var env = Map.of("TERM", "slipway-test-a", "TERMINFO", terminfo.toString());
    var first = TerminfoCache.prepare(env, dir.resolve("cache"));
    assertThat(InfoCmp.getLoadedInfoCmp("slipway-test-a")).isNull();
    InfoCmp.setDefaultInfoCmp("slipway-test-a", CAPS);
    first.save();
    assertThat(Files.list(dir.resolve("cache")).map(p -> p.getFileName().toString()))
        .singleElement().asString().startsWith("slipway-test-a-14-").endsWith(".caps");

    // the next start, another process (here: another terminal type over the same entry)
    Files.writeString(terminfo.resolve("s/slipway-test-b"), "compiled entry");
    Files.setLastModifiedTime(terminfo.resolve("s/slipway-test-b"),
        Files.getLastModifiedTime(terminfo.resolve("s/slipway-test-a")));
    try (var cached = Files.list(dir.resolve("cache"))) {
      Path a = cached.findFirst().orElseThrow();
      Files.copy(a, a.resolveSibling(a.getFileName().toString().replace("-a-", "-b-")));
    }
    TerminfoCache.prepare(Map.of("TERM", "slipway-test-b", "TERMINFO", terminfo.toString()),
        dir.resolve("cache"));
    assertThat(InfoCmp.getLoadedInfoCmp("slipway-test-b")).isEqualTo(CAPS);
  }

  @Test
  void anEditedEntryIsAskedForAgain(@TempDir Path dir) throws Exception {
    Path terminfo = dir.resolve("terminfo");
    Files.createDirectories(terminfo.resolve("s"));
    Path entry = terminfo.resolve("s/slipway-test-c");
    Files.writeString(entry, "compiled entry");
    var env = Map.of("TERM", "slipway-test-c", "TERMINFO", terminfo.toString());
    Files.createDirectories(dir.resolve("cache"));
    Files.writeString(dir.resolve("cache/slipway-test-c-3-1.caps"), "stale,");
    TerminfoCache.prepare(env, dir.resolve("cache"));
    assertThat(InfoCmp.getLoadedInfoCmp("slipway-test-c")).isNull();
  }

  @Test
  void typesJlineBundlesAndTypesWithoutAnEntryAreLeftToJline(@TempDir Path dir) {
    TerminfoCache.prepare(Map.of("TERM", "xterm-256color"), dir).save();
    TerminfoCache.prepare(Map.of("TERM", "slipway-no-such-term", "TERMINFO", dir.toString()), dir).save();
    TerminfoCache.prepare(Map.of("TERM", "../../etc/passwd"), dir).save();
    assertThat(dir.toFile().list()).isEmpty();
    assertThat(TerminfoCache.compiledEntry(Map.of("TERMINFO", dir.toString()), "slipway-no-such-term")).isNull();
  }
}
