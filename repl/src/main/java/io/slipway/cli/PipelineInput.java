package io.slipway.cli;

import io.slipway.api.CheckResult;
import io.slipway.api.Slipway;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code plan} and {@code run} both take (the pipeline file, {@code -p} overrides,
 * {@code --debug}) and their common first step: resolve the file and check it, reporting the
 * diagnostics. A picocli mixin, so both commands declare these options once.
 */
final class PipelineInput {
  @Parameters(paramLabel = "FILE", arity = "0..1", description = "Pipeline file (default: ./Slipfile).")
  String file;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "Override a `param` (repeatable); `NAME=null` sets a nullable param to null.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  @Option(names = "--allow-host-path", paramLabel = "DIR",
      description = "Let file builtins use DIR (and below) outside the pipeline directory (repeatable).")
  java.util.List<java.nio.file.Path> hostPaths = new java.util.ArrayList<>();

  /** A file that checked clean, with the facade that checked it. */
  record Checked(Slipway slipway, CheckResult result) {}

  /**
   * Resolves and checks the file, printing its diagnostics; null when it has errors (the
   * command then exits with {@link ExitCode#USAGE}).
   */
  Checked check(Cli cli) {
    return check(cli, null);
  }

  /** As {@link #check(Cli)}; {@code parsed}, if given, sees the main file's syntax tree before the check. */
  Checked check(Cli cli, java.util.function.Consumer<io.slipway.syntax.ast.Program> parsed) {
    var path = Files.pipeline(file);
    var slipway = parsed == null ? Engines.slipway(cli) : Engines.slipway(cli).whenParsed(parsed);
    CheckResult checked = slipway.check(path);
    if (CheckCommand.report(cli, checked, checked.diagnostics())) {
      return null;
    }
    return new Checked(slipway, checked);
  }
}
