package org.sentinela.reporting.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sentinela.reporting.api.PublishedRunsFixture;
import org.sentinela.reporting.db.DatabaseSettings;

/**
 * Every statement of {@code docs/reporting-examples.sql} runs, as a {@code sentinela_reader} login,
 * against the fixture's published runs and returns rows.
 */
class ExampleQueriesTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "reporting-examples.sql");
  private static final PublishedRunsFixture FIXTURE = PublishedRunsFixture.shared();
  private static final DatabaseLogins LOGINS = new DatabaseLogins();
  private static final DatabaseSettings ANALYST = LOGINS.loginIn("sentinela_reader", FIXTURE.db());

  @AfterAll
  static void dropLogins() {
    LOGINS.dropAll();
  }

  @Test
  void theFileHoldsAboutEightQueries() throws IOException {
    assertThat(statements())
        .hasSizeBetween(8, 12)
        .allMatch(sql -> sql.startsWith("select") || sql.startsWith("with"));
  }

  @ParameterizedTest(name = "example {index}")
  @MethodSource("statements")
  void returnsRowsAsAnAnalyst(String sql) throws SQLException {
    try (Connection c = ANALYST.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("rows from:\n" + sql).isTrue();
    }
  }

  /** The file's statements: split at a semicolon that ends a line, comments dropped. */
  static List<String> statements() throws IOException {
    String withoutComments =
        Files.readAllLines(EXAMPLES).stream()
            .filter(line -> !line.strip().startsWith("--"))
            .reduce("", (a, b) -> a + b + "\n");
    return Stream.of(withoutComments.split(";\\s*\\n"))
        .map(String::strip)
        .filter(sql -> !sql.isEmpty())
        .toList();
  }
}
