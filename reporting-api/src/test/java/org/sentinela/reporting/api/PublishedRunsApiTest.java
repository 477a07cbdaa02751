package org.sentinela.reporting.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API on a random port over {@link PublishedRunsFixture}'s database. Subclasses share one
 * application context and one database. Metrics export is switched on as in production (Boot's
 * tests switch it off unless asked).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PublishedRunsApiTest {

  protected static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();

  @LocalServerPort private int port;

  protected ApiClient api;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> FIXTURE.db().url());
    registry.add("spring.datasource.username", () -> FIXTURE.db().user());
    registry.add("spring.datasource.password", () -> FIXTURE.db().password());
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }
}
