package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The page cache stays within its byte budget, dropping the least recently used pages first. */
class AnomalyPageCacheTest {

  private static final DatabaseSettings DB = TestPostgres.migratedDatabase();
  private static final long BUDGET = 20_000;

  private final AtomicInteger loads = new AtomicInteger();

  @Test
  void staysWithinItsBudgetAndKeepsTheRecentPages() {
    JdbcClient jdbc =
        JdbcClient.create(new DriverManagerDataSource(DB.url(), DB.user(), DB.password()));
    ResponseCacheSettings settings = new ResponseCacheSettings(BUDGET, 60_000);
    AnomalyPageCache cache =
        new AnomalyPageCache(
            new ObjectMapper().findAndRegisterModules(),
            new LatestRunWatch(jdbc, settings),
            settings,
            new SimpleMeterRegistry());

    for (int i = 0; i < 50; i++) {
      cache.page(query(i), null, this::load);
    }
    int loadsBefore = loads.get();
    cache.page(query(49), null, this::load);
    int afterRecent = loads.get();
    cache.page(query(0), null, this::load);

    assertThat(cache.size()).isPositive().isLessThanOrEqualTo(BUDGET);
    assertThat(cache.count()).isBetween(2, 9);
    assertThat(afterRecent).as("the most recent page is served from memory").isEqualTo(loadsBefore);
    assertThat(loads.get()).as("the oldest page was dropped").isEqualTo(afterRecent + 1);
  }

  @Test
  void aBudgetOfZeroCachesNothing() {
    JdbcClient jdbc =
        JdbcClient.create(new DriverManagerDataSource(DB.url(), DB.user(), DB.password()));
    ResponseCacheSettings settings = new ResponseCacheSettings(0, 60_000);
    AnomalyPageCache cache =
        new AnomalyPageCache(
            new ObjectMapper(),
            new LatestRunWatch(jdbc, settings),
            settings,
            new SimpleMeterRegistry());

    AnomalyPageCache.SerializedPage first = cache.page(query(1), null, this::load);
    AnomalyPageCache.SerializedPage second = cache.page(query(1), null, this::load);

    assertThat(loads.get()).isEqualTo(2);
    assertThat(cache.count()).isZero();
    assertThat(second.etag()).isEqualTo(first.etag());
  }

  @Test
  void pagesOfDifferentQueriesHaveDifferentEntityTags() {
    JdbcClient jdbc =
        JdbcClient.create(new DriverManagerDataSource(DB.url(), DB.user(), DB.password()));
    ResponseCacheSettings settings = new ResponseCacheSettings(BUDGET, 60_000);
    AnomalyPageCache cache =
        new AnomalyPageCache(
            new ObjectMapper(),
            new LatestRunWatch(jdbc, settings),
            settings,
            new SimpleMeterRegistry());

    AnomalyPageCache.SerializedPage one = cache.page(query(1), null, this::load);
    AnomalyPageCache.SerializedPage other = cache.page(query(2), null, this::load);

    assertThat(other.body()).isEqualTo(one.body());
    assertThat(other.etag()).isNotEqualTo(one.etag()).matches("\"[A-Za-z0-9_-]{22}\"");
  }

  /** A query about 1,000 characters long, so one entry weighs about 2,300 bytes. */
  private static String query(int i) {
    return ("uf=" + i + "\n").repeat(200).substring(0, 1000);
  }

  private AnomalyPage load() {
    loads.incrementAndGet();
    return AnomalyPage.NOTHING_PUBLISHED;
  }
}
