package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Diagnostics;
import io.slipway.source.SourceFile;
import io.slipway.source.Span;
import io.slipway.syntax.ParseResult;
import io.slipway.syntax.SlipParser;
import io.slipway.syntax.ast.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads imports from the file system, relative to the importing file, and parses them; syntax
 * errors of the imported file go to the same diagnostics. The name shown in diagnostics is the
 * importer's display name with the import path resolved against it, so messages read
 * {@code examples/app/lib/common.slip:3:5: ...}.
 *
 * <p>Imports stay inside the project ({@link #refusal}): the git repository holding the pipeline
 * file, or the pipeline file's directory outside a repository. A loader serves one check: the
 * first importing file it is asked about is the pipeline file, which fixes the project.
 */
public final class FileModuleLoader implements ModuleLoader {
  private Path project;

  /** A loader whose project is found from the pipeline file (the first importer). */
  public FileModuleLoader() {}

  /** A loader for the given project directory. */
  public FileModuleLoader(Path project) {
    this.project = realOrAbsolute(project);
  }

  /** The git repository holding {@code dir} (a directory with {@code .git}), else {@code dir}. */
  public static Path projectOf(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    for (Path p = abs; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return p;
      }
    }
    return abs;
  }

  @Override
  public synchronized String refusal(SourceFile importer, String path) {
    Path file;
    try {
      file = base(importer).resolveSibling(path).normalize();
    } catch (InvalidPathException e) {
      return "invalid import path `" + path + "`";
    }
    if (project == null) {
      Path dir = base(importer).toAbsolutePath().normalize().getParent();
      project = realOrAbsolute(projectOf(dir == null ? Path.of("") : dir));
    }
    Path real = realOrAbsolute(file);
    if (!real.startsWith(project)) {
      return "`" + path + "` is outside the project (" + project + ")";
    }
    return null;
  }

  @Override
  public Optional<Program> load(SourceFile importer, String path, Diagnostics out) {
    Path file = base(importer).resolveSibling(path).normalize();
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String display = Path.of(importer.name()).resolveSibling(path).normalize().toString().replace('\\', '/');
    SourceFile source;
    try {
      source = SourceFile.read(file, display);
    } catch (IOException e) {
      SourceFile empty = SourceFile.of(display, "");
      out.add(Diagnostic.error(Code.E0501, empty, Span.NONE, "cannot read imported file `" + display + "`: "
          + e.getMessage()));
      return Optional.of(new Program(Span.NONE, empty, java.util.List.of()));
    }
    ParseResult parsed = SlipParser.parse(source);
    out.addAll(parsed.diagnostics());
    return Optional.of(parsed.program());
  }

  private static Path base(SourceFile importer) {
    return importer.path() != null ? importer.path() : Path.of(importer.name());
  }

  /** The real path (symbolic links resolved) of {@code p}, or of its nearest existing parent. */
  static Path realOrAbsolute(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }
}
