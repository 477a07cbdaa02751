package org.sentinela.reporting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedReportingDatabaseTest {

  @TempDir Path home;

  @Test
  void dataSurvivesAStopAndAStartOnTheSameFolder() throws SQLException {
    Path data = home.resolve("pgdata");
    Path binaries = home.resolve("pgbin");
    try (EmbeddedReportingDatabase db = EmbeddedReportingDatabase.startOrReuse(data, binaries, 0)) {
      assertThat(db.startedHere()).isTrue();
      try (Connection c = db.settings().connect();
          Statement s = c.createStatement()) {
        s.execute("create table kept (v text)");
        s.execute("insert into kept values ('still here')");
      }
    }

    try (EmbeddedReportingDatabase db = EmbeddedReportingDatabase.startOrReuse(data, binaries, 0);
        Connection c = db.settings().connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select v from kept")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("still here");
    }
  }

  @Test
  void aSecondUserReusesTheRunningServerAndDoesNotStopIt() throws SQLException {
    Path data = home.resolve("pgdata");
    Path binaries = home.resolve("pgbin");
    try (EmbeddedReportingDatabase owner =
        EmbeddedReportingDatabase.startOrReuse(data, binaries, 0)) {
      try (EmbeddedReportingDatabase guest =
          EmbeddedReportingDatabase.startOrReuse(data, binaries, 0)) {
        assertThat(guest.startedHere()).isFalse();
        assertThat(guest.settings().url()).isEqualTo(owner.settings().url());
      }
      try (Connection c = owner.settings().connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
