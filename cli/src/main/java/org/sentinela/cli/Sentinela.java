package org.sentinela.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sentinela.model.LakeLayout;
import org.sentinela.reporting.db.DatabaseSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code sentinela} command: {@code nightly}, {@code demo}, {@code serve}, {@code migrate}. Run
 * it through {@code scripts/sentinela}, which builds what is missing and sets {@code
 * -Dsentinela.repo}.
 */
@Command(
    name = "sentinela",
    mixinStandardHelpOptions = true,
    versionProvider = Sentinela.Version.class,
    description = "Nightly red flags on Brazilian public procurement contracts.",
    footer = {
      "",
      "Settings come from environment variables (SENTINELA_HOME, SENTINELA_DB_URL, ...);",
      "see docs/configuration.md."
    })
public final class Sentinela implements Callable<Integer> {

  /** Exit code for bad arguments or settings. */
  static final int USAGE = 2;

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(execute(System.getenv(), System.out, System.err, args));
  }

  /** Runs one command line with the given environment; returns the exit code. */
  static int execute(Map<String, String> env, PrintStream out, PrintStream err, String... args) {
    SentinelaSettings settings;
    try {
      settings =
          SentinelaSettings.from(
              env,
              Path.of(System.getProperty("sentinela.repo", ".")),
              Path.of(System.getProperty("user.home")));
    } catch (IllegalArgumentException e) {
      err.println("sentinela: " + e.getMessage());
      return USAGE;
    }
    CommandLine commandLine =
        new CommandLine(new Sentinela())
            .addSubcommand(new NightlyCommand(settings, out))
            .addSubcommand(new DemoCommand(settings, out))
            .addSubcommand(new ServeCommand(settings, out))
            .addSubcommand(new RunsCommand(settings, out))
            .addSubcommand(ExportCommand.withSubcommands(settings, out))
            .addSubcommand(new MigrateCommand(settings, out))
            .addSubcommand(new EvaluateCommand(settings, out))
            .addSubcommand(TokenCommand.commandLine(settings, out));
    commandLine.setOut(new java.io.PrintWriter(out, true));
    commandLine.setErr(new java.io.PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler(
        (e, cl, parsed) -> {
          err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
          return 1;
        });
    return commandLine.execute(args);
  }

  /** {@code nightly}: ingest → analyse → publish, on a folder of source files. */
  @Command(
      name = "nightly",
      mixinStandardHelpOptions = true,
      description = "Ingest a folder of source files, analyse the lake and publish the flags.")
  static final class NightlyCommand extends DatabaseCommand {

    @Option(
        names = "--input",
        paramLabel = "DIR",
        description =
            "Folder of source files (default: SENTINELA_INBOX, else SENTINELA_HOME/inbox).")
    Path input;

    NightlyCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    private Path folder() {
      return input == null ? settings.inbox() : input.toAbsolutePath().normalize();
    }

    @Override
    void checkArguments() {
      Path folder = folder();
      if (!java.nio.file.Files.isDirectory(folder)) {
        throw new IllegalArgumentException(
            (input == null ? "the inbox " : "the input folder ")
                + folder
                + " does not exist"
                + (input == null
                    ? ": create it and put source files there, set SENTINELA_INBOX, or pass --input DIR"
                    : ""));
      }
      InputFolder contents = InputFolder.list(folder);
      if (contents.files().isEmpty()) {
        String subfolders =
            contents.subfolders().isEmpty()
                ? ""
                : " (subfolders are not read: " + String.join(", ", contents.subfolders()) + ")";
        if (LakeLayout.currentSnapshot(settings.lake(), LakeLayout.CONTRACTS).isEmpty()) {
          throw new IllegalArgumentException(
              "the input folder "
                  + folder
                  + " holds no files"
                  + subfolders
                  + " and the lake "
                  + settings.lake()
                  + " holds no contracts yet: put the Portal, PNCP or Contratos.gov.br files"
                  + " directly in the folder");
        }
        out.printf(
            "The input folder %s holds no files%s: tonight analyses the lake as it is%n",
            folder, subfolders);
      }
    }

    @Override
    int run(DatabaseSettings db) {
      String runId = new NightlyRun(settings, out).run(folder(), db);
      RunSummary.print(db, runId, out);
      return 0;
    }
  }

  /** {@code demo}: a whole night on the bundled sample of real data, with a summary. */
  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description = "Run a night on the bundled sample of real Portal da Transparência files.")
  static final class DemoCommand extends DatabaseCommand {

    DemoCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    int run(DatabaseSettings db) {
      String runId = new NightlyRun(settings, out).run(settings.bundledSample(), db);
      RunSummary.print(db, runId, out);
      out.printf(
          "%nBrowse the flags: scripts/sentinela serve, then http://%s:%d/dashboard/ (or the"
              + " JSON at /api/v1/anomalies)%n",
          settings.apiAddress(), settings.apiPort());
      return 0;
    }
  }

  /** {@code serve}: the reporting API on the reporting database. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = "Serve the reporting API (GET /api/v1/anomalies) until stopped.")
  static final class ServeCommand extends DatabaseCommand {

    ServeCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    int run(DatabaseSettings db) {
      ModuleLauncher launcher = new ModuleLauncher(settings.repo(), out);
      Map<String, String> env = new java.util.HashMap<>(db.asEnvironment());
      env.put("SENTINELA_API_PORT", String.valueOf(settings.apiPort()));
      env.put("SENTINELA_API_ADDRESS", settings.apiAddress());
      out.printf(
          "Serving http://%s:%d/dashboard/ and /api/v1/anomalies (Ctrl-C stops)%n",
          settings.apiAddress(), settings.apiPort());
      return launcher.run(
          launcher.command(
              "reporting-api",
              List.of("-Xmx512m"),
              "org.sentinela.reporting.api.ReportingApiApplication",
              List.of()),
          env,
          settings.logs().resolve("api.log"));
    }
  }

  /** {@code runs [ID] [--format json]}: the accounting of recent runs, or of one run per file. */
  @Command(
      name = "runs",
      mixinStandardHelpOptions = true,
      description =
          "Show recent runs, or one run's accounting per file (read = accepted +"
              + " quarantined + duplicates).")
  static final class RunsCommand extends DatabaseCommand {

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "ID", description = "A run id.")
    String runId;

    @Option(
        names = "--format",
        paramLabel = "text|json",
        description = "Output format (default: text).")
    String format = "text";

    RunsCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    void checkArguments() {
      if (!format.equals("text") && !format.equals("json")) {
        throw new IllegalArgumentException("--format must be text or json, got '" + format + "'");
      }
    }

    @Override
    int run(DatabaseSettings db) {
      boolean json = format.equals("json");
      if (runId == null) {
        List<Map<String, Object>> runs = RunReport.recent(db);
        if (json) {
          RunReport.printJson(runs, out);
        } else {
          RunReport.printRecent(runs, out);
        }
        return 0;
      }
      Map<String, Object> run = RunReport.one(db, runId);
      if (run == null) {
        throw new IllegalArgumentException("no run '" + runId + "'");
      }
      if (json) {
        RunReport.printJson(run, out);
      } else {
        RunReport.printOne(run, out);
      }
      return 0;
    }
  }

  /** {@code migrate}: bring the reporting database to the latest schema. */
  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Apply the reporting database's schema migrations (every command also does).")
  static final class MigrateCommand extends DatabaseCommand {

    MigrateCommand(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    int run(DatabaseSettings db) {
      out.println("Reporting schema is up to date on " + db.url());
      return 0;
    }
  }

  /**
   * A subcommand that works on the reporting database: its arguments are checked first, then the
   * database is opened (embedded or external) and migrated, and closed when the command ends.
   */
  abstract static class DatabaseCommand implements Callable<Integer> {

    final SentinelaSettings settings;
    final PrintStream out;

    DatabaseCommand(SentinelaSettings settings, PrintStream out) {
      this.settings = settings;
      this.out = out;
    }

    /** Fails with a message naming a bad argument, before anything is started. */
    void checkArguments() {}

    abstract int run(DatabaseSettings db);

    @Override
    public Integer call() {
      checkArguments();
      try (ReportingDatabase db = ReportingDatabase.open(settings)) {
        return run(db.settings());
      }
    }
  }

  /** The version from the jar manifest, or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Sentinela.class.getPackage().getImplementationVersion();
      return new String[] {"sentinela " + (version == null ? "development" : version)};
    }
  }
}
