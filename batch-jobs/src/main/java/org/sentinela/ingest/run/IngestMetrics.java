package org.sentinela.ingest.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.sentinela.ingest.run.IngestFigures.FileFigures;

/**
 * The ingest's figures as kept in {@code runs.metrics.ingest}: status, totals, per source and the
 * seconds of each file read. The same {@link IngestFigures} feed the Pushgateway.
 */
final class IngestMetrics {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestMetrics() {}

  static String json(IngestFigures figures) {
    Map<String, Map<String, Object>> bySource = new TreeMap<>();
    Map<String, Double> fileSeconds = new TreeMap<>();
    for (FileFigures f : figures.files()) {
      Map<String, Object> m = bySource.computeIfAbsent(f.source(), s -> new LinkedHashMap<>());
      add(m, "files", 1);
      add(m, "files_failed", "FAILED".equals(f.status()) ? 1 : 0);
      counts(m, "files_by_status").merge(f.status(), 1L, Long::sum);
      add(m, "bytes", f.fileBytes());
      add(m, "bytes_read", f.bytesRead());
      add(m, "records_read", f.recordsRead());
      add(m, "records_accepted", f.accepted());
      add(m, "records_quarantined", f.quarantined());
      Map<String, Long> reasons = counts(m, "records_quarantined_by_reason");
      f.quarantinedByReason().forEach((reason, n) -> reasons.merge(reason, n, Long::sum));
      add(m, "records_duplicate", f.duplicate());
      if (f.read()) {
        fileSeconds.put(f.fileName(), seconds(f.duration()));
      }
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("status", figures.status());
    metrics.put("seconds", seconds(figures.duration()));
    metrics.put("records_read", figures.recordsRead());
    metrics.put("records_per_second", figures.recordsPerSecond());
    metrics.put("bytes", figures.files().stream().mapToLong(FileFigures::fileBytes).sum());
    metrics.put("bytes_read", figures.files().stream().mapToLong(FileFigures::bytesRead).sum());
    metrics.put("by_source", bySource);
    metrics.put("file_seconds", fileSeconds);
    try {
      return JSON.writeValueAsString(metrics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the ingest metrics", e);
    }
  }

  /** Seconds rounded to the millisecond, as every duration of the JSON. */
  static double seconds(java.time.Duration d) {
    return Math.round(d.toNanos() / 1e6) / 1000.0;
  }

  private static void add(Map<String, Object> m, String key, long value) {
    m.merge(key, value, (a, b) -> (Long) a + (Long) b);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Long> counts(Map<String, Object> m, String key) {
    return (Map<String, Long>) m.computeIfAbsent(key, k -> new TreeMap<String, Long>());
  }
}
