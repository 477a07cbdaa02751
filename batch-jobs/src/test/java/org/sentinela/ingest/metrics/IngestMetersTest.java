package org.sentinela.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.run.IngestFigures;
import org.sentinela.ingest.run.IngestFigures.FileFigures;

/** The meter names and values as Prometheus shows them, without a Pushgateway. */
class IngestMetersTest {

  @Test
  void exposesTheDocumentedNamesWithTheFiguresValues() {
    IngestFigures figures =
        new IngestFigures(
            "COMPLETED",
            Duration.ofSeconds(4),
            List.of(
                new FileFigures(
                    "202105_Compras.csv",
                    "PORTAL_COMPRAS",
                    "INGESTED",
                    true,
                    5_000,
                    5_000,
                    10,
                    6,
                    Map.of("INVALID_DATE", 2L, "MALFORMED_LINE", 1L),
                    1,
                    Duration.ofMillis(1500)),
                new FileFigures(
                    "202101_Compras.csv",
                    "PORTAL_COMPRAS",
                    "UNCHANGED",
                    false,
                    7_000,
                    0,
                    0,
                    0,
                    Map.of(),
                    0,
                    Duration.ZERO),
                new FileFigures(
                    "notes.txt",
                    "UNKNOWN",
                    "IGNORED",
                    false,
                    20,
                    0,
                    0,
                    0,
                    Map.of(),
                    0,
                    Duration.ZERO)));

    PrometheusMeterRegistry registry = IngestMeters.of(figures);
    String text = registry.scrape();
    registry.close();

    assertThat(text)
        .contains("sentinela_ingest_records_read_total{source=\"PORTAL_COMPRAS\"} 10.0")
        .contains("sentinela_ingest_records_accepted_total{source=\"PORTAL_COMPRAS\"} 6.0")
        .contains("sentinela_ingest_records_duplicate_total{source=\"PORTAL_COMPRAS\"} 1.0")
        .contains(
            "sentinela_ingest_records_quarantined_total{reason=\"INVALID_DATE\",source=\"PORTAL_COMPRAS\"} 2.0")
        .contains(
            "sentinela_ingest_records_quarantined_total{reason=\"MALFORMED_LINE\",source=\"PORTAL_COMPRAS\"} 1.0")
        .contains("sentinela_ingest_read_bytes_total{source=\"PORTAL_COMPRAS\"} 5000.0")
        .contains("sentinela_ingest_files_total{source=\"PORTAL_COMPRAS\",status=\"INGESTED\"} 1.0")
        .contains(
            "sentinela_ingest_files_total{source=\"PORTAL_COMPRAS\",status=\"UNCHANGED\"} 1.0")
        .contains("sentinela_ingest_files_total{source=\"UNKNOWN\",status=\"IGNORED\"} 1.0")
        .contains(
            "sentinela_ingest_file_duration_seconds_sum{file=\"202105_Compras.csv\",source=\"PORTAL_COMPRAS\"} 1.5")
        .contains("sentinela_ingest_duration_seconds_sum{status=\"COMPLETED\"} 4.0")
        .contains("sentinela_ingest_records_per_second 3.0")
        .contains("sentinela_ingest_run_succeeded 1.0");
    assertThat(text)
        .as("files not read have no record counters or timers")
        .doesNotContain("file=\"202101_Compras.csv\"")
        .doesNotContain("sentinela_ingest_records_read_total{source=\"UNKNOWN\"}");
  }
}
