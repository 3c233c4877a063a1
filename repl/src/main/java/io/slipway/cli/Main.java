package io.slipway.cli;

import picocli.CommandLine;

/**
 * Entry point of {@code slipway}. Exit codes are {@link ExitCode}'s; no Java stack trace reaches
 * the user unless {@code --debug} is given: an unexpected exception prints one line
 * ("internal error: ...") and exits 3.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = execute(Cli.system(), args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int execute(Cli cli, String... args) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    try {
      if (args.length == 1 && args[0].equals("repl")) {
        // what picocli would do for these arguments, without building its model of every
        // command (reflection over the annotations of eleven commands; picocli's classes are
        // too old a class-file version for the class-data cache): the REPL's start-up
        return new ReplCommand(cli).call();
      }
      if (args.length <= 2 && args.length >= 1 && args[0].equals("run")
          && (args.length == 1 || isOperand(args[1]))) {
        // `run` or `run FILE`, the commonest command line, the same way (picocli would only set
        // the file): a cold `slipway run` spends a few hundred milliseconds in picocli otherwise
        var run = new RunCommand(cli);
        run.input.file = args.length == 2 ? args[1] : null;
        return run.call();
      }
      CommandLine cmd = commandLine(cli);
      return cmd.execute(args);
    } catch (Throwable t) {
      return internalError(cli, t, debug);
    }
  }

  /** An argument picocli takes as it is: neither an option nor an {@code @file} of arguments. */
  private static boolean isOperand(String arg) {
    return !arg.isEmpty() && !arg.startsWith("-") && !arg.startsWith("@");
  }

  static CommandLine commandLine(Cli cli) {
    var root = new SlipwayCommand(cli);
    var cmd = new CommandLine(root)
        .addSubcommand(new CheckCommand(cli))
        .addSubcommand(new PlanCommand(cli))
        .addSubcommand(new RunCommand(cli))
        .addSubcommand(new ReplCommand(cli))
        .addSubcommand(new DocsCommand(cli))
        .addSubcommand(new GcCommand(cli))
        .addSubcommand(new NetCommand(cli))
        .addSubcommand(new ComposeCommand(cli))
        .addSubcommand(new VersionCommand(cli))
        .addSubcommand(new TrainCommand(cli))
        .addSubcommand(new CommandLine.HelpCommand());
    cmd.setOut(new java.io.PrintWriter(cli.out(), true));
    cmd.setErr(new java.io.PrintWriter(cli.err(), true));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler((ex, args) -> {
      cli.err().println("slipway: " + ex.getMessage());
      String name = ex.getCommandLine().getCommandName();
      cli.err().println("run `slipway help" + (ex.getCommandLine() == cmd ? "" : " " + name)
          + "` for usage");
      return ExitCode.USAGE;
    });
    cmd.setExecutionExceptionHandler((ex, c, parsed) -> {
      boolean debug = parsed.hasMatchedOption("--debug")
          || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
      return internalError(cli, ex, debug);
    });
    cmd.setExitCodeExceptionMapper(t -> ExitCode.INFRASTRUCTURE);
    return cmd;
  }

  /** The one line a user sees for a bug in Slipway; the trace only with {@code --debug}. */
  static int internalError(Cli cli, Throwable t, boolean debug) {
    if (t instanceof UserError u) {
      cli.err().println("error: " + u.getMessage());
      return u.exitCode();
    }
    String what = t.getClass().getSimpleName()
        + (t.getMessage() == null ? "" : ": " + firstLine(t.getMessage()));
    if (debug) {
      t.printStackTrace(cli.err());
      cli.err().println("internal error: " + what);
    } else {
      cli.err().println("internal error: " + what + " (run with --debug for details)");
    }
    return ExitCode.INFRASTRUCTURE;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
