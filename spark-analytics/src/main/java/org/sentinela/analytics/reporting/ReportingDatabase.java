package org.sentinela.analytics.reporting;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.postgresql.Driver;
import org.sentinela.analytics.detect.DetectorThreshold;
import org.sentinela.analytics.legal.LegalLimit;
import org.sentinela.analytics.legal.LegalLimits;
import org.sentinela.analytics.legal.LimitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reporting PostgreSQL as this job uses it: connections, the schema version Flyway recorded,
 * and the current detector thresholds.
 *
 * @param url a {@code jdbc:postgresql://} URL
 * @param user database role
 * @param password its password (empty for none); never printed
 */
public record ReportingDatabase(String url, String user, String password) {

  private static final Logger log = LoggerFactory.getLogger(ReportingDatabase.class);

  /** SQLSTATE of "relation does not exist". */
  private static final String UNDEFINED_TABLE = "42P01";

  public ReportingDatabase {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    if (!url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException(
          "the reporting database URL must be a jdbc:postgresql:// URL, got '" + url + "'");
    }
    password = password == null ? "" : password;
  }

  /**
   * A new connection. Uses pgjdbc's driver directly rather than {@code DriverManager}, which under
   * spark-submit may not see drivers in the application jar's class loader.
   */
  public Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", "sentinela-spark-analytics");
    return new Driver().connect(url, properties);
  }

  /**
   * The major version of the newest successful Flyway migration (e.g. 2 for {@code V2__…}), or
   * empty when the database has never been migrated.
   */
  public OptionalInt schemaVersion() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select version from flyway_schema_history where success and version is not null")) {
      OptionalInt newest = OptionalInt.empty();
      while (rows.next()) {
        int major = Integer.parseInt(rows.getString(1).strip().split("[._]")[0]);
        if (newest.isEmpty() || major > newest.getAsInt()) {
          newest = OptionalInt.of(major);
        }
      }
      return newest;
    } catch (SQLException e) {
      if (UNDEFINED_TABLE.equals(e.getSQLState())) {
        return OptionalInt.empty();
      }
      throw e;
    }
  }

  /** The detector's row of {@code current_detector_thresholds}, if it has one. */
  public Optional<DetectorThreshold> currentThreshold(String detector) throws SQLException {
    String sql =
        """
        select t.version, t.threshold, p.key, p.value
        from current_detector_thresholds t
        left join lateral jsonb_each_text(t.parameters) p on true
        where t.detector = ?
        """;
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, detector);
      try (ResultSet rows = statement.executeQuery()) {
        Integer version = null;
        BigDecimal threshold = null;
        Map<String, String> parameters = new HashMap<>();
        while (rows.next()) {
          version = rows.getInt(1);
          threshold = rows.getBigDecimal(2);
          String key = rows.getString(3);
          if (key != null && rows.getString(4) != null) {
            parameters.put(key, rows.getString(4));
          }
        }
        return version == null
            ? Optional.empty()
            : Optional.of(new DetectorThreshold(detector, version, threshold, parameters));
      }
    }
  }

  /**
   * The {@code legal_limits} table. Rows of kinds this job does not know are left out; a row whose
   * law or unit does not match its kind, or overlapping periods, are refused.
   *
   * @throws IllegalArgumentException naming the offending row
   */
  public LegalLimits legalLimits() throws SQLException {
    String sql =
        "select law, limit_kind, year, amount, unit, act, valid_from, valid_to from legal_limits";
    List<LegalLimit> limits = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String kindName = rows.getString("limit_kind");
        LocalDate validFrom = rows.getObject("valid_from", LocalDate.class);
        String row = "legal_limits row " + kindName + " from " + validFrom;
        LimitKind kind;
        try {
          kind = LimitKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
          log.info("Ignoring {}: not a limit kind this job uses", row);
          continue;
        }
        String law = rows.getString("law");
        if (!kind.law().name().equals(law)) {
          throw new IllegalArgumentException(
              row + ": law " + law + " does not match the kind's law " + kind.law());
        }
        String unit = rows.getString("unit");
        String expectedUnit = kind.inReais() ? "BRL" : "RATIO";
        if (!expectedUnit.equals(unit)) {
          throw new IllegalArgumentException(row + ": unit " + unit + ", expected " + expectedUnit);
        }
        limits.add(
            new LegalLimit(
                kind,
                rows.getInt("year"),
                rows.getBigDecimal("amount"),
                rows.getString("act"),
                validFrom,
                rows.getObject("valid_to", LocalDate.class)));
      }
    }
    return new LegalLimits(limits);
  }

  @Override
  public String toString() {
    return "ReportingDatabase[url=" + url + ", user=" + user + ", password=***]";
  }
}
