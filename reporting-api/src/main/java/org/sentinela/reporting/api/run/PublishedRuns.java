package org.sentinela.reporting.api.run;

import java.util.Optional;
import java.util.regex.Pattern;
import org.sentinela.reporting.api.problem.InvalidParameterException;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which run a request reads: the latest published one ({@code latest_published_run}) or a named
 * published run. Call it inside the request's snapshot transaction, so the run and its rows agree.
 */
@Repository
public class PublishedRuns {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final RowMapper<PublishedRun> ROWS =
      (rs, n) ->
          new PublishedRun(rs.getString("run_id"), rs.getTimestamp("published_at").toInstant());

  private final JdbcClient jdbc;

  PublishedRuns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest published run, if any run has been published. */
  public Optional<PublishedRun> latest() {
    return jdbc.sql("select run_id, published_at from latest_published_run").query(ROWS).optional();
  }

  /** The published run with this id; empty when it does not exist or is not published. */
  public Optional<PublishedRun> find(String runId) {
    return jdbc.sql(
            "select run_id, published_at from runs"
                + " where run_id = :id and published_at is not null")
        .param("id", runId)
        .query(ROWS)
        .optional();
  }

  /**
   * The run a {@code run} request parameter names: the latest published run when it is absent.
   *
   * @return empty only when {@code requested} is null and nothing is published yet
   * @throws InvalidParameterException when the id is not shaped like a run id
   * @throws NotFoundException when no published run has that id
   */
  public Optional<PublishedRun> resolve(String requested) {
    if (requested == null) {
      return latest();
    }
    checkRunId(requested);
    return Optional.of(find(requested).orElseThrow(() -> notFound(requested)));
  }

  /**
   * Checks the shape of a {@code run} request parameter before it reaches any SQL.
   *
   * @throws InvalidParameterException when the id is not shaped like a run id
   */
  public static void checkRunId(String requested) {
    if (!RUN_ID.matcher(requested).matches()) {
      throw new InvalidParameterException(
          "run", requested, "must be a run id (letters, digits, '.', '_', ':' or '-')");
    }
  }

  /** The 404 for a {@code run} request parameter that names no published run. */
  public static NotFoundException notFound(String requested) {
    return new NotFoundException(
            "Run not found", "No published run '" + requested + "'.", "run_id", requested)
        .parameter("run");
  }
}
