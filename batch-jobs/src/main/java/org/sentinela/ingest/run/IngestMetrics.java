package org.sentinela.ingest.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ingest's figures as kept in {@code runs.metrics.ingest}: totals and per source. */
final class IngestMetrics {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestMetrics() {}

  static String json(List<FileAccount> files, double seconds) {
    Map<String, Map<String, Long>> bySource = new TreeMap<>();
    for (FileAccount f : files) {
      String source = f.file().source() == null ? "UNKNOWN" : f.file().source().name();
      Map<String, Long> m = bySource.computeIfAbsent(source, s -> new LinkedHashMap<>());
      m.merge("files", 1L, Long::sum);
      m.merge(
          "files_failed",
          f.file().status() == org.sentinela.ingest.InputFile.Status.FAILED ? 1L : 0L,
          Long::sum);
      m.merge("bytes", f.bytes(), Long::sum);
      m.merge("records_read", f.read(), Long::sum);
      m.merge("records_accepted", f.accepted(), Long::sum);
      m.merge("records_quarantined", f.quarantined(), Long::sum);
      m.merge("records_duplicate", f.duplicate(), Long::sum);
    }
    long read = files.stream().mapToLong(FileAccount::read).sum();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("seconds", Math.round(seconds * 1000) / 1000.0);
    metrics.put("records_read", read);
    metrics.put("records_per_second", seconds > 0 ? Math.round(read / seconds) : 0);
    metrics.put("bytes", files.stream().mapToLong(FileAccount::bytes).sum());
    metrics.put("by_source", bySource);
    try {
      return JSON.writeValueAsString(metrics);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the ingest metrics", e);
    }
  }
}
