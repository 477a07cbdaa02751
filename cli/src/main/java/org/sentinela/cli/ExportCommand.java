package org.sentinela.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.sentinela.reporting.db.DatabaseSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code export}: published results to standard output, for spreadsheets and evaluation. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Write published results to standard output (see: export flags --help).")
final class ExportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** The {@code export} command with its subcommands. */
  static CommandLine withSubcommands(SentinelaSettings settings, PrintStream out) {
    return new CommandLine(new ExportCommand()).addSubcommand(new FlagsCommand(settings, out));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Sentinela.USAGE;
  }

  /** {@code export flags [--run latest|ID] [--format csv|json]}: one row per flag of a run. */
  @Command(
      name = "flags",
      mixinStandardHelpOptions = true,
      description = {
        "Write a published run's flags to standard output, one per row, most severe first"
            + " (severity, then q-value, then score):"
            + " CSV (RFC 4180, UTF-8, header row, '.' decimals) or JSON Lines. A person's CPF is"
            + " masked."
      })
  static final class FlagsCommand extends Sentinela.DatabaseCommand {

    @Option(
        names = "--run",
        paramLabel = "latest|ID",
        description = "The run: 'latest' (default) is the latest published run.")
    String run = FlagExport.LATEST;

    @Option(
        names = "--format",
        paramLabel = "csv|json",
        description = "csv (default) or json (JSON Lines: one object per line).")
    String format = "csv";

    FlagsCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    void checkArguments() {
      FlagWriter.checkFormat(format);
      if (run.isBlank()) {
        throw new IllegalArgumentException("--run must be 'latest' or a run id, got ''");
      }
    }

    @Override
    int run(DatabaseSettings db) {
      BufferedWriter writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      FlagExport.export(db, run, FlagWriter.of(format, writer));
      return 0;
    }
  }
}
