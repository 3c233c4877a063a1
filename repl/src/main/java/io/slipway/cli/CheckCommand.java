package io.slipway.cli;

import io.slipway.api.CheckResult;
import io.slipway.diag.Diagnostic;
import io.slipway.diag.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code slipway check FILE...}: parses and type-checks every file and prints all diagnostics
 * (spec §11) on stdout, then a summary line. Exit 0 when clean, 2 when anything is wrong. A file
 * holding no top-level {@code pipeline(...)} is checked as a library (spec §1).
 * Nothing runs and Docker is never contacted.
 */
@Command(name = "check", description = "Parse and type-check pipeline files; run nothing.")
final class CheckCommand implements Callable<Integer> {
  private final Cli cli;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Pipeline or library files (default: ./Slipfile).")
  List<String> files = new ArrayList<>();

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  CheckCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    List<String> args = files.isEmpty() ? java.util.Arrays.asList((String) null) : files;
    var slipway = Engines.slipway(cli);
    int errors = 0;
    int warnings = 0;
    int missing = 0;
    for (String arg : args) {
      Path file;
      try {
        file = Files.pipeline(arg);
      } catch (UserError e) {
        cli.out().println("error: " + e.getMessage());
        missing++;
        continue;
      }
      CheckResult result = slipway.check(file, true);
      var renderer = result.renderer(cli.tty().color());
      for (Diagnostic d : result.diagnostics()) {
        cli.out().print(renderer.render(d));
        if (d.severity() == Severity.ERROR) {
          errors++;
        } else {
          warnings++;
        }
      }
    }
    cli.out().println(summary(args.size(), errors + missing, warnings));
    return errors + missing > 0 ? ExitCode.USAGE : ExitCode.OK;
  }

  /** e.g. {@code checked 2 files: 3 errors, 1 warning} or {@code checked 1 file: ok}. */
  static String summary(int files, int errors, int warnings) {
    String head = "checked " + files + (files == 1 ? " file: " : " files: ");
    if (errors == 0 && warnings == 0) {
      return head + "ok";
    }
    var parts = new ArrayList<String>();
    if (errors > 0) {
      parts.add(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      parts.add(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    return head + String.join(", ", parts);
  }

  /**
   * Used by {@code plan} and {@code run}: diagnostics about the checked file on stderr (secrets
   * known for it masked), true when there are errors.
   */
  static boolean report(Cli cli, CheckResult checked, List<Diagnostic> diagnostics) {
    var renderer = checked.renderer(cli.tty().color());
    int errors = 0;
    for (Diagnostic d : diagnostics) {
      cli.err().print(renderer.render(d));
      if (d.severity() == Severity.ERROR) {
        errors++;
      }
    }
    if (errors > 0) {
      cli.err().println(errors + (errors == 1 ? " error" : " errors") + ": nothing was run");
    }
    return errors > 0;
  }
}
