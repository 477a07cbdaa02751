package org.sentinela.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PushgatewaySettingsTest {

  @Test
  void unsetOrBlankMeansNoPush() {
    assertThat(PushgatewaySettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(PushgatewaySettings.fromEnvironment(Map.of("SENTINELA_PUSHGATEWAY_URL", " ")))
        .isEmpty();
  }

  @Test
  void readsTheAddressAndScheme() {
    PushgatewaySettings plain =
        PushgatewaySettings.fromEnvironment(
                Map.of("SENTINELA_PUSHGATEWAY_URL", "http://127.0.0.1:9091/"))
            .orElseThrow();
    PushgatewaySettings tls = PushgatewaySettings.parse("https://metrics.example.org");

    assertThat(plain.address()).isEqualTo("127.0.0.1:9091");
    assertThat(plain.scheme()).isEqualTo(Scheme.HTTP);
    assertThat(tls.address()).isEqualTo("metrics.example.org");
    assertThat(tls.scheme()).isEqualTo(Scheme.HTTPS);
  }

  @Test
  void aBadUrlIsRejectedNamingTheSettingAndTheValue() {
    for (String bad :
        new String[] {
          "127.0.0.1:9091",
          "ftp://127.0.0.1:9091",
          "http://",
          "http://127.0.0.1:9091/metrics/job/x",
          "http://user:secret@127.0.0.1:9091",
          "http://127.0.0.1:9091?x=1",
          "http://127.0.0.1:9091 /"
        }) {
      assertThatThrownBy(() -> PushgatewaySettings.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SENTINELA_PUSHGATEWAY_URL")
          .hasMessageContaining(bad.strip().isEmpty() ? bad : bad.split(" ")[0]);
    }
  }
}
