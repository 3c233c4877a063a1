package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.run.Workspace;
import io.slipway.stdlib.Library;
import io.slipway.value.ByteSize;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Files relative to {@code build.dir}, the pipeline's directory, confined to it by
 * {@link Workspace} (the one rule every builtin naming a host path follows; host paths elsewhere
 * need {@code slipway run --allow-host-path DIR}). Text is UTF-8. I/O failures are Slipway
 * errors naming the builtin and the path, not Java exceptions.
 */
public final class Files implements Library {
  /** {@code readFile}'s default limit: far above a config file, far below the heap. */
  static final ByteSize DEFAULT_READ_LIMIT = new ByteSize(64L << 20);

  private static final String CONFINED = " Paths are relative to `build.dir` and must stay inside "
      + "it (also through `..` and symbolic links); other host paths need "
      + "`slipway run --allow-host-path DIR`.";

  @Override
  public void declare(Declarations d) {
    d.category("Files");
    d.fn("readFile").param("path", "String")
        .param("maxSize", "ByteSize", DEFAULT_READ_LIMIT, "64.mb")
        .returns("String").effects(Effect.FILES)
        .doc("The text of the file (UTF-8). A file larger than `maxSize`, or not a regular file "
            + "(a directory, a FIFO, a device such as `/dev/zero`), is an error." + CONFINED)
        .impl((cx, r, a) -> read(cx, (String) a[0], (ByteSize) a[1]));
    d.fn("writeFile").param("path", "String").param("text", "String").effects(Effect.WRITES)
        .doc("Writes `text` to the file (UTF-8), replacing it; creates missing parent directories."
            + CONFINED)
        .impl((cx, r, a) -> io("writeFile", a[0], () -> write(resolve(cx, "writeFile", a[0]), (String) a[1], false)));
    d.fn("appendFile").param("path", "String").param("text", "String").effects(Effect.WRITES)
        .doc("Appends `text` to the file, creating it and its parent directories when missing."
            + CONFINED)
        .impl((cx, r, a) -> io("appendFile", a[0], () -> write(resolve(cx, "appendFile", a[0]), (String) a[1], true)));
    d.fn("fileExists").param("path", "String").returns("Bool").effects(Effect.FILES)
        .doc("True when a file or directory exists at the path." + CONFINED)
        .impl((cx, r, a) -> java.nio.file.Files.exists(resolve(cx, "fileExists", a[0])));
    d.fn("deleteFile").param("path", "String").returns("Bool").effects(Effect.WRITES)
        .doc("Deletes a file or an empty directory; true when something was deleted." + CONFINED)
        .impl((cx, r, a) -> io("deleteFile", a[0], () -> java.nio.file.Files.deleteIfExists(resolve(cx, "deleteFile", a[0]))));
    d.fn("glob").param("pattern", "String").returns("List<String>").effects(Effect.FILES)
        .doc("The paths under `build.dir` matching `pattern`, sorted, relative, with `/`: `glob(\"target/*.jar\")`, "
            + "`glob(\"src/**/*.kt\")`. `*` and `?` stay within a directory, `**` crosses any number of them, "
            + "`{a,b}` is either, `[abc]`/`[a-z]` a class (`[!x]` or `[^x]` negated), `\\` escapes the next character; "
            + "names starting with `.` match only a pattern that starts with `.`. The same dialect reads "
            + "`.dockerignore` files (where wildcards do match hidden names). A pattern the dialect cannot read "
            + "without guessing (`[[]`, a trailing `\\`, an empty class, an unclosed `[` or `{`) is an error naming the column. "
            + "The directory the pattern starts in follows the same rule as the other file builtins; "
            + "symbolic links to directories are not followed.")
        .impl((cx, r, a) -> io("glob", a[0], () -> glob(cx, (String) a[0])));
  }

  /** The pipeline's directory; the working directory when there is no run (unit tests, tools). */
  static Path baseDir(CallContext cx) {
    return workspace(cx).dir();
  }

  static Workspace workspace(CallContext cx) {
    return cx.run() != null ? Workspace.of(cx.run())
        : new Workspace(Path.of("").toAbsolutePath(), List.of());
  }

  static Path resolve(CallContext cx, String op, Object path) {
    return workspace(cx).resolve(op, (String) path);
  }

  private static Object read(CallContext cx, String path, ByteSize max) {
    Path file = resolve(cx, "readFile", path);
    return io("readFile", path, () -> {
      if (java.nio.file.Files.exists(file) && !java.nio.file.Files.isRegularFile(file)) {
        throw SlipException.error("readFile: `" + path + "` is not a regular file"
            + (java.nio.file.Files.isDirectory(file) ? " (a directory)" : " (a FIFO, socket or device)"));
      }
      long limit = Math.max(0, Math.min(max.bytes(), Integer.MAX_VALUE - 16));
      byte[] bytes;
      try (InputStream in = java.nio.file.Files.newInputStream(file)) {
        // bounded even when the file grows while it is read
        bytes = in.readNBytes((int) limit + 1);
      }
      if (bytes.length > limit) {
        long size = java.nio.file.Files.size(file);
        throw SlipException.error("readFile: `" + path + "` is "
            + (size > limit ? human(size) : "larger than " + max) + ", over the limit of "
            + max + " (pass `maxSize` to read more)");
      }
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    });
  }

  /** {@code 1.2 GB}, {@code 70 MB}, {@code 3 KB}: a size for a message. */
  static String human(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : bytes >= 1L << 10 ? (bytes >> 10) + " KB"
        : bytes + " bytes";
  }

  private static Object glob(CallContext cx, String pattern) throws IOException {
    if (pattern.indexOf('\0') >= 0) {
      resolve(cx, "glob", pattern); // the NUL error
    }
    // the directory the walk starts in (the pattern's literal prefix) obeys the workspace rule
    String[] segments = pattern.split("/+");
    var prefix = new StringBuilder();
    for (int i = 0; i < segments.length - 1 && segments[i].chars().noneMatch(c -> "*?[{".indexOf(c) >= 0); i++) {
      prefix.append(segments[i]).append('/');
    }
    if (!prefix.isEmpty() && !pattern.startsWith("/")) {
      resolve(cx, "glob", prefix.toString());
    }
    return Colls.listOf(Glob.matches(baseDir(cx), pattern));
  }

  private static Object write(Path file, String text, boolean append) throws IOException {
    Path parent = file.getParent();
    if (parent != null) {
      java.nio.file.Files.createDirectories(parent);
    }
    if (append) {
      java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } else {
      java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8);
    }
    return Unit.INSTANCE;
  }

  /** An I/O action whose failure is reported as {@code readFile: no such file `x`}. */
  interface IoAction {
    Object run() throws IOException;
  }

  static Object io(String op, Object path, IoAction action) {
    try {
      return action.run();
    } catch (NoSuchFileException e) {
      throw SlipException.error(op + ": no such file `" + path + "`");
    } catch (AccessDeniedException e) {
      throw SlipException.error(op + ": permission denied for `" + path + "`");
    } catch (DirectoryNotEmptyException e) {
      throw SlipException.error(op + ": directory `" + path + "` is not empty");
    } catch (java.nio.charset.CharacterCodingException e) {
      throw SlipException.error(op + ": `" + path + "` is not UTF-8 text");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw SlipException.error(op + ": `" + path + "`: " + why);
    }
  }
}
