package io.slipway.cli.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's package) for rendering HTML reports in tests. */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private Chromium() {}

  static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /** The DOM after scripts ran ({@code --dump-dom}). */
  static String dumpDom(Path html, Path profile) throws IOException, InterruptedException {
    return run(html, profile, "--dump-dom");
  }

  /** A PNG screenshot of the page. */
  static void screenshot(Path html, Path profile, Path png) throws IOException,
      InterruptedException {
    run(html, profile, "--screenshot=" + png.toAbsolutePath());
  }

  private static String run(Path html, Path profile, String what) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--hide-scrollbars", "--window-size=1280,1000",
        "--user-data-dir=" + profile.toAbsolutePath(), what,
        html.toAbsolutePath().toUri().toString()));
    Path stdout = Files.createTempFile("chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in 60 s");
    }
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    Files.deleteIfExists(stdout);
    return out;
  }
}
