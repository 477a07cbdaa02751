package org.sentinela.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.sentinela.ingest.run.IngestFigures;
import org.sentinela.ingest.run.IngestFigures.FileFigures;

/**
 * The ingest's Micrometer meters, recorded from the run's {@link IngestFigures} (the balanced
 * accounting that {@code run_files} and {@code runs.metrics} hold), so what is pushed equals what
 * is recorded. Names as Prometheus shows them are in batch-jobs/README.md.
 */
public final class IngestMeters {

  /** {@code sentinela_ingest_files_total{source, status}}. */
  public static final String FILES = "sentinela.ingest.files";

  /** {@code sentinela_ingest_records_read_total{source}}. */
  public static final String RECORDS_READ = "sentinela.ingest.records.read";

  /** {@code sentinela_ingest_records_accepted_total{source}}. */
  public static final String RECORDS_ACCEPTED = "sentinela.ingest.records.accepted";

  /** {@code sentinela_ingest_records_quarantined_total{source, reason}}. */
  public static final String RECORDS_QUARANTINED = "sentinela.ingest.records.quarantined";

  /** {@code sentinela_ingest_records_duplicate_total{source}}. */
  public static final String RECORDS_DUPLICATE = "sentinela.ingest.records.duplicate";

  /** {@code sentinela_ingest_read_bytes_total{source}}: uncompressed bytes of the files read. */
  public static final String READ_BYTES = "sentinela.ingest.read";

  /** {@code sentinela_ingest_file_duration_seconds{source, file}}: one sample per file read. */
  public static final String FILE_DURATION = "sentinela.ingest.file.duration";

  /** {@code sentinela_ingest_duration_seconds{status}}: the whole ingest. */
  public static final String DURATION = "sentinela.ingest.duration";

  /** {@code sentinela_ingest_records_per_second}: records read per second of the whole ingest. */
  public static final String RECORDS_PER_SECOND = "sentinela.ingest.records.per.second";

  /** {@code sentinela_ingest_run_succeeded}: 1 when the run completed, else 0. */
  public static final String RUN_SUCCEEDED = "sentinela.ingest.run.succeeded";

  private IngestMeters() {}

  /** A Prometheus registry holding the figures' meters, ready to be pushed or scraped. */
  public static PrometheusMeterRegistry of(IngestFigures figures) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    record(figures, registry);
    return registry;
  }

  /** Registers the figures' meters in {@code registry}. */
  public static void record(IngestFigures figures, MeterRegistry registry) {
    for (FileFigures f : figures.files()) {
      Counter.builder(FILES)
          .description("Input files by what the run did with them")
          .tags("source", f.source(), "status", f.status())
          .register(registry)
          .increment();
      if (!f.read()) {
        continue;
      }
      counter(registry, RECORDS_READ, "Records read", f.source()).increment(f.recordsRead());
      counter(registry, RECORDS_ACCEPTED, "Records accepted into the lake", f.source())
          .increment(f.accepted());
      counter(registry, RECORDS_DUPLICATE, "Exact duplicate records dropped", f.source())
          .increment(f.duplicate());
      Counter.builder(READ_BYTES)
          .description("Bytes of the input files read (uncompressed)")
          .baseUnit(BaseUnits.BYTES)
          .tag("source", f.source())
          .register(registry)
          .increment(f.bytesRead());
      for (Map.Entry<String, Long> reason : f.quarantinedByReason().entrySet()) {
        Counter.builder(RECORDS_QUARANTINED)
            .description("Records rejected into the quarantine")
            .tags("source", f.source(), "reason", reason.getKey())
            .register(registry)
            .increment(reason.getValue());
      }
      Timer.builder(FILE_DURATION)
          .description("Time spent reading one input file")
          .tags("source", f.source(), "file", f.fileName())
          .register(registry)
          .record(f.duration());
    }
    Timer.builder(DURATION)
        .description("The whole ingest")
        .tag("status", figures.status())
        .register(registry)
        .record(figures.duration());
    long perSecond = figures.recordsPerSecond();
    Gauge.builder(RECORDS_PER_SECOND, () -> perSecond)
        .description("Records read per second of the whole ingest")
        .register(registry);
    int succeeded = figures.succeeded() ? 1 : 0;
    Gauge.builder(RUN_SUCCEEDED, () -> succeeded)
        .description("1 when the ingest completed, 0 when it failed")
        .register(registry);
  }

  private static Counter counter(
      MeterRegistry registry, String name, String description, String source) {
    return Counter.builder(name).description(description).tag("source", source).register(registry);
  }
}
