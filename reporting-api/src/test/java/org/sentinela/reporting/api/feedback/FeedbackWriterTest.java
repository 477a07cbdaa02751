package org.sentinela.reporting.api.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.api.schema.DatabaseLogins;
import org.sentinela.reporting.db.ApiTokens;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * {@link FeedbackWriter} on logins set up in other ways than the API's usual one: it writes through
 * {@code set local role sentinela_feedback_writer}, it refuses cleanly when the login may not, and
 * two identical first verdicts at once make one row.
 */
class FeedbackWriterTest {

  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();
  private static final DatabaseLogins LOGINS = new DatabaseLogins();
  private static final String FLAG = PublishedRunsFixture.anomalyId(11);

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @Test
  void aLoginThatOnlyGainsTheWritersPrivilegesBySetRoleRecordsVerdicts() throws SQLException {
    String login = LOGINS.newLogin("noinherit in role sentinela_feedback_writer");
    String analyst = newAnalyst();
    String token = ApiTokens.create(FIXTURE.db(), analyst).token();

    try (FeedbackWriter writer = new FeedbackWriter(pool(login))) {
      FeedbackWriter.Recorded recorded =
          writer.record(token, FLAG, new FeedbackRequest(Verdict.CONFIRMED, "ok", null));

      assertThat(recorded.outcome()).isEqualTo(FeedbackWriter.Outcome.CREATED);
      assertThat(recorded.feedback().analyst()).isEqualTo(analyst);
    }
    assertThat(verdicts(analyst)).containsExactly("CONFIRMED");
  }

  @Test
  void aLoginThatMayNotActAsTheWriterGetsA503AndWritesNothing() throws SQLException {
    String login = LOGINS.newLogin("in role sentinela_reader");
    String analyst = newAnalyst();
    String token = ApiTokens.create(FIXTURE.db(), analyst).token();

    try (FeedbackWriter writer = new FeedbackWriter(pool(login))) {
      assertThatThrownBy(
              () -> writer.record(token, FLAG, new FeedbackRequest(Verdict.CONFIRMED, null, null)))
          .isInstanceOfSatisfying(
              FeedbackUnavailableException.class,
              e -> {
                assertThat(e.getStatusCode().value()).isEqualTo(503);
                assertThat(e.getBody().getDetail()).doesNotContain(login);
              });
    }
    assertThat(verdicts(analyst)).isEmpty();
  }

  @Test
  void twoIdenticalFirstVerdictsAtOnceMakeOneRow() throws Exception {
    String login = LOGINS.newLogin("in role sentinela_reader, sentinela_feedback_writer");
    String analyst = newAnalyst();
    String token = ApiTokens.create(FIXTURE.db(), analyst).token();
    FeedbackRequest request = new FeedbackRequest(Verdict.DISMISSED, "duplicado", null);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);

    try (FeedbackWriter writer = new FeedbackWriter(pool(login))) {
      Callable<FeedbackWriter.Outcome> post =
          () -> {
            start.await();
            return writer.record(token, FLAG, request).outcome();
          };
      List<Future<FeedbackWriter.Outcome>> outcomes = threads.invokeAll(List.of(post, post));

      assertThat(List.of(outcomes.get(0).get(), outcomes.get(1).get()))
          .containsExactlyInAnyOrder(
              FeedbackWriter.Outcome.CREATED, FeedbackWriter.Outcome.UNCHANGED);
    } finally {
      threads.shutdownNow();
    }
    assertThat(verdicts(analyst)).containsExactly("DISMISSED");
  }

  private static HikariDataSource pool(String login) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(FIXTURE.db().url());
    pool.setUsername(login);
    pool.setPassword(DatabaseLogins.PASSWORD);
    pool.setMaximumPoolSize(2);
    return pool;
  }

  private static String newAnalyst() {
    return "writer-test-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  }

  private static List<String> verdicts(String analyst) throws SQLException {
    DatabaseSettings db = FIXTURE.db();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "select verdict from feedback where analyst = ? and anomaly_id = ?")) {
      s.setString(1, analyst);
      s.setString(2, FLAG);
      try (ResultSet rs = s.executeQuery()) {
        List<String> verdicts = new java.util.ArrayList<>();
        while (rs.next()) {
          verdicts.add(rs.getString(1));
        }
        return verdicts;
      }
    }
  }
}
