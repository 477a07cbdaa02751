package org.sentinela.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiSettingsTest {

  private static final String URL = "jdbc:postgresql://db.example:5432/sentinela";

  @Test
  void defaultsToPort8080OnLoopback() {
    ApiSettings settings =
        ApiSettings.fromEnvironment(Map.of("SENTINELA_DB_URL", URL, "SENTINELA_DB_USER", "api"));

    assertThat(settings.port()).isEqualTo(8080);
    assertThat(settings.address()).isEqualTo("127.0.0.1");
    assertThat(settings.springProperties())
        .containsEntry("server.port", 8080)
        .containsEntry("server.address", "127.0.0.1")
        .containsEntry("spring.datasource.url", URL)
        .containsEntry("spring.datasource.username", "api")
        .containsEntry("spring.datasource.password", "");
  }

  @Test
  void readsPortAddressAndPassword() {
    ApiSettings settings =
        ApiSettings.fromEnvironment(
            Map.of(
                "SENTINELA_DB_URL", URL,
                "SENTINELA_DB_USER", "api",
                "SENTINELA_DB_PASSWORD", "s3cret",
                "SENTINELA_API_PORT", " 9090 ",
                "SENTINELA_API_ADDRESS", "0.0.0.0"));

    assertThat(settings.springProperties())
        .containsEntry("server.port", 9090)
        .containsEntry("server.address", "0.0.0.0")
        .containsEntry("spring.datasource.password", "s3cret");
  }

  @Test
  void withoutADatabaseUrlTellsHowToStart() {
    assertThatThrownBy(() -> ApiSettings.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SENTINELA_DB_URL is not set")
        .hasMessageContaining("scripts/sentinela serve");
  }

  @Test
  void aBadPortNamesTheVariableAndValue() {
    assertThatThrownBy(
            () ->
                ApiSettings.fromEnvironment(
                    Map.of(
                        "SENTINELA_DB_URL", URL,
                        "SENTINELA_DB_USER", "api",
                        "SENTINELA_API_PORT", "80a")))
        .hasMessageContaining("SENTINELA_API_PORT")
        .hasMessageContaining("'80a'");
    assertThatThrownBy(
            () ->
                ApiSettings.fromEnvironment(
                    Map.of(
                        "SENTINELA_DB_URL", URL,
                        "SENTINELA_DB_USER", "api",
                        "SENTINELA_API_PORT", "70000")))
        .hasMessageContaining("SENTINELA_API_PORT")
        .hasMessageContaining("'70000'");
  }

  @Test
  void aBadAddressNamesTheVariableAndValue() {
    assertThatThrownBy(
            () ->
                ApiSettings.fromEnvironment(
                    Map.of(
                        "SENTINELA_DB_URL", URL,
                        "SENTINELA_DB_USER", "api",
                        "SENTINELA_API_ADDRESS", "999.1.1.1")))
        .hasMessageContaining("SENTINELA_API_ADDRESS")
        .hasMessageContaining("'999.1.1.1'");
  }
}
