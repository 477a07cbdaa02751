package org.sentinela.reporting.api.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.sentinela.reporting.db.DatabaseSettings;
import org.sentinela.reporting.db.testing.TestPostgres;

/**
 * Login roles created for a test the way an operator would ({@code create role … login in role
 * sentinela_reader}), and dropped again by {@link #dropAll}. Roles belong to the whole server, so
 * each name carries a random suffix.
 */
public final class DatabaseLogins {

  public static final String PASSWORD = "test-only-password";

  private final List<String> created = new ArrayList<>();

  /** A new login that is a member of {@code groupRole}, connected to {@code database}. */
  public DatabaseSettings loginIn(String groupRole, DatabaseSettings database) {
    String name = newLogin("in role " + groupRole);
    return new DatabaseSettings(database.url(), name, PASSWORD);
  }

  /** A new login with the given extra attributes, e.g. {@code "nosuperuser nocreaterole"}. */
  public String newLogin(String attributes) {
    String name =
        "sentinela_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    admin(
        "create role "
            + name
            + " login password '"
            + PASSWORD
            + "' nosuperuser nocreatedb nocreaterole "
            + attributes);
    created.add(name);
    return name;
  }

  /** Runs a statement as the test server's administrator. */
  public static void admin(String sql) {
    try (Connection c = TestPostgres.server().connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("admin statement failed: " + sql, e);
    }
  }

  /** Drops every login this instance created. */
  public void dropAll() {
    for (String name : created) {
      admin("drop role if exists " + name);
    }
    created.clear();
  }
}
