package io.slipway.compose.load;

import io.slipway.compose.yaml.Pos;
import io.slipway.compose.yaml.YamlNode;
import io.slipway.diag.Code;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Severity;
import java.nio.file.Path;
import java.util.List;

/**
 * What normalizing a compose file needs besides the node: where problems go (collected, never
 * thrown) and the project directory that relative paths are resolved against (the directory of
 * the first file, for every file, as Compose does).
 */
final class Ctx {
  private final List<Diagnostic> out;
  private final Path projectDir;

  Ctx(List<Diagnostic> out, Path projectDir) {
    this.out = out;
    this.projectDir = projectDir;
  }

  List<Diagnostic> out() {
    return out;
  }

  Path projectDir() {
    return projectDir;
  }

  /** An error at a node; returns null so that normalizers can {@code return cx.error(..)}. */
  YamlNode error(Code code, YamlNode at, String message) {
    return error(code, at.pos(), message, null);
  }

  YamlNode error(Code code, Pos at, String message, String hint) {
    out.add(new Diagnostic(Severity.ERROR, code, message, at.file(), at.span(), hint, List.of(), false));
    return null;
  }

  void warn(Code code, Pos at, String message, String hint) {
    out.add(new Diagnostic(Severity.WARNING, code, message, at.file(), at.span(), hint, List.of(), false));
  }

  /** "`services.web.user` must be a string, found a number". */
  YamlNode wrongType(YamlNode at, String path, String expected) {
    String hint = null;
    if (at instanceof YamlNode.Scalar s && s.value() instanceof Boolean && expected.contains("string")) {
      hint = "quote it: unquoted yes/no/on/off/true/false are booleans in YAML";
    }
    return error(Code.E0702, at.pos(), "`" + path + "` must be " + expected + ", found " + at.describe(), hint);
  }

  /** A relative path made absolute against the project directory; {@code ~} is the home directory. */
  String absolute(String path) {
    String p = path;
    if (p.equals("~") || p.startsWith("~/")) {
      p = System.getProperty("user.home") + p.substring(1);
    }
    return projectDir.resolve(p).normalize().toString();
  }
}
