package io.slipway.cli;

import io.slipway.stdlib.Stdlib;
import io.slipway.stdlib.docs.DocsGenerator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code slipway docs}: the standard library reference, generated from the same declarations
 * the checker and the interpreter read. Markdown by default, {@code --text} for a terminal.
 */
@Command(name = "docs", description = "Print the standard library reference (Markdown).")
final class DocsCommand implements Callable<Integer> {
  private final Cli cli;

  @Option(names = "--text", description = "Plain text instead of Markdown.")
  boolean text;

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  DocsCommand(Cli cli) {
    this.cli = cli;
  }

  @Override
  public Integer call() {
    var docs = new DocsGenerator(Stdlib.registry());
    cli.out().print(text ? docs.text() : docs.markdown());
    return ExitCode.OK;
  }
}
