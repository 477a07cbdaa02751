package org.sentinela.reporting.api.feedback;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Set;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.sentinela.reporting.db.ApiTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API's only write: an analyst's verdict on a flag, upserted into {@code feedback}.
 *
 * <p>It has its own small pool of writable connections (the API's other pool is read-only), with
 * the API's login, and every transaction starts with {@code set local role
 * sentinela_feedback_writer}: whatever else the login may do, a verdict is written with that role's
 * privileges only (read, and insert/update on {@code feedback}). The login must be a member of that
 * role, or a superuser as with the embedded database.
 */
@Repository
class FeedbackWriter implements AutoCloseable {

  static final String WRITER_ROLE = "sentinela_feedback_writer";

  private static final Logger log = LoggerFactory.getLogger(FeedbackWriter.class);

  /** SQL states of {@code set role} when the login is no member of the role, or it is missing. */
  private static final Set<String> ROLE_REFUSED = Set.of("42501", "22023", "42704");

  private static final RowMapper<FeedbackView> ROWS =
      (rs, n) ->
          new FeedbackView(
              rs.getString("anomaly_id"),
              rs.getString("analyst"),
              Verdict.valueOf(rs.getString("verdict")),
              rs.getString("note"),
              rs.getObject("created_at", OffsetDateTime.class).toInstant(),
              rs.getObject("updated_at", OffsetDateTime.class).toInstant());

  private final HikariDataSource pool;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  /** A pool of two writable connections with the API's datasource settings. */
  @Autowired
  FeedbackWriter(DataSourceProperties dataSource) {
    this(writablePool(dataSource));
  }

  FeedbackWriter(HikariDataSource pool) {
    this.pool = pool;
    this.jdbc = JdbcClient.create(pool);
    this.transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
  }

  /** How a POST changed the analyst's verdict. */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** The stored verdict after a POST, and what the POST changed. */
  record Recorded(FeedbackView feedback, Outcome outcome) {}

  /**
   * Records the verdict of the token's analyst on a flag of the latest published run, in one
   * transaction: the token is checked, then the analyst, then the flag, then the verdict is
   * inserted, updated, or left as it is when the same verdict and note are already stored.
   *
   * @throws BearerToken.Unauthorized when the token is unknown or revoked
   * @throws AnalystMismatchException when the request names another analyst than the token's
   * @throws NotFoundException when the latest published run has no such flag
   * @throws FeedbackUnavailableException when the login may not act as {@value #WRITER_ROLE}
   */
  Recorded record(String token, String anomalyId, FeedbackRequest request) {
    return transaction.execute(
        status -> {
          actAsFeedbackWriter();
          String analyst =
              jdbc.sql("select api_token_analyst(:hash)")
                  .param("hash", ApiTokens.sha256(token))
                  .query(String.class)
                  .optional()
                  .orElseThrow(BearerToken::invalid);
          if (request.analyst() != null && !request.analyst().equals(analyst)) {
            throw new AnalystMismatchException(analyst);
          }
          if (!isPublished(anomalyId)) {
            throw new NotFoundException(
                "Anomaly not found",
                "No anomaly '" + anomalyId + "' in the latest published run.",
                "anomaly_id",
                anomalyId);
          }
          Recorded recorded = upsert(anomalyId, analyst, request);
          if (recorded.outcome() != Outcome.UNCHANGED) {
            log.info(
                "Analyst {} {} verdict {} on anomaly {}",
                analyst,
                recorded.outcome() == Outcome.CREATED ? "recorded" : "changed to",
                request.verdict(),
                anomalyId);
          }
          return recorded;
        });
  }

  @Override
  public void close() {
    pool.close();
  }

  private void actAsFeedbackWriter() {
    try {
      jdbc.sql("set local role " + WRITER_ROLE).update();
    } catch (DataAccessException e) {
      if (e.getMostSpecificCause() instanceof SQLException sql
          && ROLE_REFUSED.contains(sql.getSQLState())) {
        log.warn(
            "Cannot record a verdict: the database login '{}' may not act as {} ({}). Grant it"
                + " with: grant {} to {};",
            pool.getUsername(),
            WRITER_ROLE,
            sql.getMessage(),
            WRITER_ROLE,
            pool.getUsername());
        throw new FeedbackUnavailableException();
      }
      throw e;
    }
  }

  private boolean isPublished(String anomalyId) {
    return jdbc.sql(
            "select exists (select 1 from anomalies a"
                + " join latest_published_run r on r.run_id = a.run_id"
                + " where a.anomaly_id = :id)")
        .param("id", anomalyId)
        .query(Boolean.class)
        .single();
  }

  private Recorded upsert(String anomalyId, String analyst, FeedbackRequest request) {
    // xmax = 0 only on a row version this statement inserted (PostgreSQL's usual upsert idiom).
    return jdbc.sql(
            "insert into feedback as f (anomaly_id, analyst, verdict, note)"
                + " values (:id, :analyst, :verdict, :note)"
                + " on conflict (anomaly_id, analyst) do update"
                + " set verdict = excluded.verdict, note = excluded.note"
                + " where (f.verdict, f.note) is distinct from (excluded.verdict, excluded.note)"
                + " returning f.anomaly_id, f.analyst, f.verdict, f.note, f.created_at,"
                + " f.updated_at, f.xmax = 0 as inserted")
        .param("id", anomalyId)
        .param("analyst", analyst)
        .param("verdict", request.verdict().name())
        .param("note", request.note())
        .query(
            (rs, n) ->
                new Recorded(
                    ROWS.mapRow(rs, n),
                    rs.getBoolean("inserted") ? Outcome.CREATED : Outcome.UPDATED))
        .optional()
        .orElseGet(
            () ->
                new Recorded(
                    jdbc.sql(
                            "select anomaly_id, analyst, verdict, note, created_at, updated_at"
                                + " from feedback where anomaly_id = :id and analyst = :analyst")
                        .param("id", anomalyId)
                        .param("analyst", analyst)
                        .query(ROWS)
                        .single(),
                    Outcome.UNCHANGED));
  }

  private static HikariDataSource writablePool(DataSourceProperties dataSource) {
    HikariDataSource pool =
        dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    pool.setPoolName("reporting-api-feedback");
    pool.setMaximumPoolSize(2);
    pool.setMinimumIdle(0);
    pool.setReadOnly(false);
    pool.setConnectionTimeout(10_000);
    pool.setInitializationFailTimeout(-1);
    return pool;
  }
}
