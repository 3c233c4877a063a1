package io.slipway.cli.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.utils.InfoCmp;

/**
 * Keeps what {@code infocmp} said about a terminal type for the next start. jline bundles the
 * capabilities of a dozen terminal types (xterm, screen, ...); for any other ({@code
 * tmux-256color} inside tmux, {@code xterm-kitty}, {@code alacritty}, ...) it runs {@code infocmp}
 * each time a terminal opens, a process start that cost the REPL's start-up about a tenth of a
 * second (bench/README.md, "REPL start-up"). The cached text is keyed by the terminal type and
 * the size and modification time of its compiled terminfo entry, so an edited or reinstalled
 * entry is asked for again; without a compiled entry nothing is cached (jline does as before).
 */
final class TerminfoCache {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
  private final String term;
  private final Path toWrite;

  private TerminfoCache(String term, Path toWrite) {
    this.term = term;
    this.toWrite = toWrite;
  }

  /**
   * Hands jline the cached capabilities of {@code TERM} when there are some in {@code dir}; the
   * returned cache {@link #save}s them after the terminal opened when there were none.
   */
  static TerminfoCache prepare(Map<String, String> env, Path dir) {
    String term = env.get("TERM");
    if (term == null || !SAFE.matcher(term).matches() || term.startsWith("dumb")
        || InfoCmp.getLoadedInfoCmp(term) != null) {
      return new TerminfoCache(term, null); // bundled with jline, or nothing to ask for
    }
    try {
      Path entry = compiledEntry(env, term);
      if (entry == null) {
        return new TerminfoCache(term, null);
      }
      BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
      Path cached = dir.resolve(term + "-" + a.size() + "-" + a.lastModifiedTime().toMillis() + ".caps");
      if (Files.isRegularFile(cached)) {
        InfoCmp.setDefaultInfoCmp(term, () -> read(cached));
        return new TerminfoCache(term, null);
      }
      return new TerminfoCache(term, cached);
    } catch (IOException | RuntimeException e) {
      return new TerminfoCache(term, null);
    }
  }

  /** Stores what jline learnt about the terminal type (nothing when it used a bundled one). */
  void save() {
    if (toWrite == null) {
      return;
    }
    String caps = InfoCmp.getLoadedInfoCmp(term);
    if (caps == null || caps.isBlank() || !caps.contains(",")) {
      return; // infocmp failed: ask again next time
    }
    try {
      Files.createDirectories(toWrite.getParent());
      Path tmp = Files.createTempFile(toWrite.getParent(), term, ".tmp");
      Files.writeString(tmp, caps, StandardCharsets.UTF_8);
      Files.move(tmp, toWrite, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      try (DirectoryStream<Path> old = Files.newDirectoryStream(toWrite.getParent(), term + "-*.caps")) {
        for (Path p : old) {
          if (!p.equals(toWrite) && p.getFileName().toString().matches(Pattern.quote(term) + "-\\d+-\\d+\\.caps")) {
            Files.deleteIfExists(p);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // only a cache: the next start asks infocmp again
    }
  }

  private static String read(Path cached) {
    try {
      return Files.readString(cached, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // jline runs infocmp instead
    }
  }

  /**
   * The compiled terminfo entry of {@code term}, searched where ncurses searches: {@code
   * $TERMINFO}, {@code ~/.terminfo}, {@code $TERMINFO_DIRS}, then the system directories; each
   * under the first letter or its hexadecimal code (macOS). Null when there is none.
   */
  static Path compiledEntry(Map<String, String> env, String term) {
    List<String> dirs = new ArrayList<>();
    if (env.get("TERMINFO") != null) {
      dirs.add(env.get("TERMINFO"));
    }
    if (env.get("HOME") != null) {
      dirs.add(env.get("HOME") + "/.terminfo");
    }
    if (env.get("TERMINFO_DIRS") != null) {
      for (String d : env.get("TERMINFO_DIRS").split(":")) {
        if (!d.isEmpty()) {
          dirs.add(d);
        }
      }
    }
    dirs.addAll(List.of("/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"));
    char first = term.charAt(0);
    for (String d : dirs) {
      for (String sub : List.of(String.valueOf(first), Integer.toHexString(first))) {
        Path p = Path.of(d, sub, term);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    return null;
  }
}
