package org.sentinela.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.sentinela.reporting.db.ApiTokens;
import org.sentinela.reporting.db.DatabaseSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code token create --analyst NAME | revoke ID | list}: the bearer tokens with which analysts
 * send verdicts to the API. A token is printed once, when it is created; the database keeps only
 * its SHA-256. Managing tokens needs the owner of the reporting schema.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, revoke or list the API tokens analysts send verdicts with.")
final class TokenCommand implements Callable<Integer> {

  /** {@code token} with its three subcommands. */
  static CommandLine commandLine(SentinelaSettings settings, PrintStream out) {
    return new CommandLine(new TokenCommand())
        .addSubcommand(new Create(settings, out))
        .addSubcommand(new Revoke(settings, out))
        .addSubcommand(new ListTokens(settings, out));
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return Sentinela.USAGE;
  }

  /** {@code token create --analyst NAME}: prints a new token once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Create a token for an analyst and print it (only this once).")
  static final class Create extends Sentinela.DatabaseCommand {

    @Option(
        names = "--analyst",
        required = true,
        paramLabel = "NAME",
        description =
            "The analyst the token's verdicts are recorded for (letters, digits, . _ @ -).")
    String analyst;

    Create(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    void checkArguments() {
      ApiTokens.checkAnalyst(analyst);
    }

    @Override
    int run(DatabaseSettings db) {
      ApiTokens.Created created;
      try {
        created = ApiTokens.create(db, analyst);
      } catch (SQLException e) {
        throw failure(db, e);
      }
      out.printf(
          "Token %d for analyst %s. It is shown only now: give it to the analyst, keep no copy."
              + " Revoke it with: scripts/sentinela token revoke %d%n%s%n",
          created.id(), created.analyst(), created.id(), created.token());
      return 0;
    }
  }

  /** {@code token revoke ID}: the token stops working at once. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a token by its id (see token list); it stops working at once.")
  static final class Revoke extends Sentinela.DatabaseCommand {

    @Parameters(paramLabel = "ID", description = "The token's id.")
    long id;

    Revoke(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    int run(DatabaseSettings db) {
      ApiTokens.Token token;
      try {
        token =
            ApiTokens.revoke(db, id)
                .orElseThrow(() -> new IllegalArgumentException("no token " + id));
      } catch (SQLException e) {
        throw failure(db, e);
      }
      out.printf(
          "Token %d of analyst %s is revoked (since %s).%n",
          token.id(), token.analyst(), token.revokedAt());
      return 0;
    }
  }

  /** {@code token list}: every token's id, analyst, creation and revocation time. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the tokens (never the tokens themselves).")
  static final class ListTokens extends Sentinela.DatabaseCommand {

    ListTokens(SentinelaSettings settings, PrintStream out) {
      super(settings, out);
    }

    @Override
    int run(DatabaseSettings db) {
      List<ApiTokens.Token> tokens;
      try {
        tokens = ApiTokens.list(db);
      } catch (SQLException e) {
        throw failure(db, e);
      }
      out.printf("%6s  %-24s  %-27s  %s%n", "id", "analyst", "created", "revoked");
      for (ApiTokens.Token token : tokens) {
        out.printf(
            "%6d  %-24s  %-27s  %s%n",
            token.id(), token.analyst(), token.createdAt(), shown(token.revokedAt()));
      }
      return 0;
    }

    private static String shown(Instant revokedAt) {
      return revokedAt == null ? "-" : revokedAt.toString();
    }
  }

  private static IllegalStateException failure(DatabaseSettings db, SQLException e) {
    if ("42501".equals(e.getSQLState())) {
      return new IllegalStateException(
          "SENTINELA_DB_USER '"
              + db.user()
              + "' may not manage API tokens; run this as the owner of the reporting schema (the"
              + " user that migrates it)",
          e);
    }
    return new IllegalStateException("cannot reach the API tokens: " + e.getMessage(), e);
  }
}
