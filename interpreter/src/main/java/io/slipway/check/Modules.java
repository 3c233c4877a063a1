package io.slipway.check;

import io.slipway.diag.Code;
import io.slipway.source.SourceFile;
import io.slipway.syntax.ast.Program;
import io.slipway.syntax.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports: each file is loaded and checked once, cycles are reported (E0502) with the chain of
 * files, a missing file is E0501 at the import's path. A file sees the top-level declarations of
 * the files it imports directly.
 */
final class Modules {
  enum Role { MAIN_PIPELINE, MAIN_SNIPPET, LIBRARY }

  /** Checks one file's items; provided by {@link Checker}. */
  interface FileChecker {
    void check(Ctx cx, Program p, Scope top, Role role);
  }

  private final Ctx cx;
  private final ModuleLoader loader;
  private final FileChecker files;
  private final Map<String, Scope> done = new HashMap<>();
  private final List<String> visiting = new ArrayList<>();
  private final List<Program> order = new ArrayList<>();

  Modules(Ctx cx, ModuleLoader loader, FileChecker files) {
    this.cx = cx;
    this.loader = loader;
    this.files = files;
  }

  List<Program> checkMain(Program main, boolean pipelineFile) {
    check(main, pipelineFile ? Role.MAIN_PIPELINE : Role.MAIN_SNIPPET, null);
    return order;
  }

  /** Checks a snippet whose names resolve after its own in {@code parent}; returns its top scope. */
  Scope checkSnippet(Program snippet, Scope parent) {
    return check(snippet, Role.MAIN_SNIPPET, parent);
  }

  List<Program> imports() {
    return order;
  }

  static String key(SourceFile f) {
    return f.path() != null ? f.path().toAbsolutePath().normalize().toString() : f.name();
  }

  private Scope check(Program p, Role role, Scope parent) {
    String key = key(p.file());
    visiting.add(key);
    Scope imported = new Scope(parent);
    Scope top = new Scope(imported);
    cx.file = p.file();
    // params first: imported libraries may read `params.<name>` of the pipeline file
    if (role != Role.LIBRARY) {
      for (Stmt s : p.items()) {
        if (s instanceof Stmt.ParamDecl pd) {
          new ParamDecls(cx).preDeclare(pd);
        }
      }
    }
    for (Stmt s : p.items()) {
      if (s instanceof Stmt.Import im) {
        importFile(p, im, imported);
        cx.file = p.file();
      }
    }
    files.check(cx, p, top, role);
    visiting.remove(visiting.size() - 1);
    done.put(key, top);
    if (role == Role.LIBRARY) {
      order.add(p);
    }
    return top;
  }

  private void importFile(Program importer, Stmt.Import im, Scope into) {
    String refused = refusal(importer.file(), im.path());
    if (refused != null) {
      cx.report(Code.E0507, im.pathSpan(), refused, "imports are Slipway libraries: `.slip` files "
          + "inside the project (the pipeline file's directory, or its git repository)");
      return;
    }
    Optional<Program> loaded = loader.load(importer.file(), im.path(), cx.out);
    if (loaded.isEmpty()) {
      cx.report(Code.E0501, im.pathSpan(), "cannot find imported file `" + im.path() + "`",
          "paths are relative to the importing file");
      return;
    }
    Program lib = loaded.get();
    String key = key(lib.file());
    int at = visiting.indexOf(key);
    if (at >= 0) {
      var chain = new ArrayList<String>();
      for (String k : visiting.subList(at, visiting.size())) {
        chain.add("`" + shortName(k) + "`");
      }
      chain.add("`" + shortName(key) + "`");
      cx.report(Code.E0502, im.pathSpan(), "import cycle: " + String.join(" -> ", chain));
      return;
    }
    Scope exports = done.get(key);
    if (exports == null) {
      exports = check(lib, Role.LIBRARY, null);
    }
    exports.symbols().values().forEach(into::put);
  }

  /**
   * The import rule: only {@code .slip} files (never a secrets file, {@code /proc/self/environ}
   * or any other file whose lines an error would print), and what the loader refuses.
   */
  private String refusal(SourceFile importer, String path) {
    if (path.indexOf('\0') >= 0 || path.isBlank()) {
      return "invalid import path";
    }
    if (!path.endsWith(".slip")) {
      return "only `.slip` files can be imported, not `" + path + "`";
    }
    return loader.refusal(importer, path);
  }

  private static String shortName(String key) {
    int slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.substring(slash + 1);
  }
}
