package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentinelaSettingsTest {

  private static final Path REPO = Path.of("/repo");
  private static final Path USER_HOME = Path.of("/home/ana");

  @Test
  void defaultsKeepEverythingUnderOneHomeAndUseTheEmbeddedDatabase() {
    SentinelaSettings s = SentinelaSettings.from(Map.of(), REPO, USER_HOME);

    assertThat(s.home()).isEqualTo(Path.of("/home/ana/.sentinela"));
    assertThat(s.lake()).startsWithRaw(s.home());
    assertThat(s.inbox()).startsWithRaw(s.home());
    assertThat(s.embeddedDatabaseData()).startsWithRaw(s.home());
    assertThat(s.logs()).startsWithRaw(s.home());
    assertThat(s.externalDatabase()).isEmpty();
    assertThat(s.sparkMaster()).isEqualTo("local[*]");
    assertThat(s.apiAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void oneSettingPointsEverythingAtAnExternalDatabase() {
    SentinelaSettings s =
        SentinelaSettings.from(
            Map.of(
                "SENTINELA_HOME", "/data/night",
                "SENTINELA_DB_URL", "jdbc:postgresql://db.internal:5432/sentinela",
                "SENTINELA_DB_USER", "pipeline"),
            REPO,
            USER_HOME);

    assertThat(s.home()).isEqualTo(Path.of("/data/night"));
    assertThat(s.externalDatabase())
        .hasValueSatisfying(
            db -> {
              assertThat(db.url()).isEqualTo("jdbc:postgresql://db.internal:5432/sentinela");
              assertThat(db.user()).isEqualTo("pipeline");
            });
  }

  @Test
  void badValuesNameTheVariableAndTheValue() {
    assertThatThrownBy(
            () -> SentinelaSettings.from(Map.of("SENTINELA_API_PORT", "80a"), REPO, USER_HOME))
        .hasMessageContaining("SENTINELA_API_PORT")
        .hasMessageContaining("'80a'");
    assertThatThrownBy(
            () -> SentinelaSettings.from(Map.of("SENTINELA_INGEST_HEAP", "lots"), REPO, USER_HOME))
        .hasMessageContaining("SENTINELA_INGEST_HEAP")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(
            () ->
                SentinelaSettings.from(
                    Map.of("SENTINELA_DB_URL", "mysql://x/y", "SENTINELA_DB_USER", "u"),
                    REPO,
                    USER_HOME))
        .hasMessageContaining("SENTINELA_DB_URL")
        .hasMessageContaining("'mysql://x/y'");
    assertThatThrownBy(
            () ->
                SentinelaSettings.from(
                    Map.of("SENTINELA_DB_URL", "jdbc:postgresql://h/db"), REPO, USER_HOME))
        .hasMessageContaining("SENTINELA_DB_USER");
  }
}
