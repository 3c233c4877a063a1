package io.slipway.stdlib.core;

import io.slipway.builtin.CallContext;
import io.slipway.builtin.Declarations;
import io.slipway.builtin.Effect;
import io.slipway.stdlib.Library;
import io.slipway.value.SlipException;
import io.slipway.value.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Files relative to {@code build.dir}, the pipeline's directory (absolute paths are used as
 * they are). Text is UTF-8. I/O failures are Slipway errors naming the path, not Java exceptions.
 */
public final class Files implements Library {
  @Override
  public void declare(Declarations d) {
    d.category("Files");
    d.fn("readFile").param("path", "String").returns("String").effects(Effect.FILES)
        .doc("The text of the file (UTF-8), relative to `build.dir`.")
        .impl((cx, r, a) -> io("readFile", a[0], () -> java.nio.file.Files.readString(resolve(cx, a[0]), StandardCharsets.UTF_8)));
    d.fn("writeFile").param("path", "String").param("text", "String").effects(Effect.FILES)
        .doc("Writes `text` to the file (UTF-8), replacing it; creates missing parent directories.")
        .impl((cx, r, a) -> io("writeFile", a[0], () -> write(resolve(cx, a[0]), (String) a[1], false)));
    d.fn("appendFile").param("path", "String").param("text", "String").effects(Effect.FILES)
        .doc("Appends `text` to the file, creating it and its parent directories when missing.")
        .impl((cx, r, a) -> io("appendFile", a[0], () -> write(resolve(cx, a[0]), (String) a[1], true)));
    d.fn("fileExists").param("path", "String").returns("Bool").effects(Effect.FILES)
        .doc("True when a file or directory exists at the path.")
        .impl((cx, r, a) -> java.nio.file.Files.exists(resolve(cx, a[0])));
    d.fn("deleteFile").param("path", "String").returns("Bool").effects(Effect.FILES)
        .doc("Deletes a file or an empty directory; true when something was deleted.")
        .impl((cx, r, a) -> io("deleteFile", a[0], () -> java.nio.file.Files.deleteIfExists(resolve(cx, a[0]))));
    d.fn("glob").param("pattern", "String").returns("List<String>").effects(Effect.FILES)
        .doc("The paths under `build.dir` matching `pattern`, sorted, relative, with `/`: `glob(\"target/*.jar\")`, "
            + "`glob(\"src/**/*.kt\")`. `*` and `?` stay within a directory, `**` crosses any number of them, "
            + "`{a,b}` is either; names starting with `.` match only a pattern that starts with `.`.")
        .impl((cx, r, a) -> io("glob", a[0], () -> Colls.listOf(Glob.matches(baseDir(cx), (String) a[0]))));
  }

  /** The pipeline's directory; the working directory when there is no run (unit tests, tools). */
  static Path baseDir(CallContext cx) {
    return cx.run() != null ? cx.run().dir() : Path.of("").toAbsolutePath();
  }

  static Path resolve(CallContext cx, Object path) {
    String p = (String) path;
    if (p.isEmpty()) {
      throw SlipException.error("path must not be empty");
    }
    return baseDir(cx).resolve(p).normalize();
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
    } catch (java.nio.charset.MalformedInputException e) {
      throw SlipException.error(op + ": `" + path + "` is not UTF-8 text");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw SlipException.error(op + ": `" + path + "`: " + why);
    }
  }
}
