package org.sentinela.analytics.bench;

/** What a measured stage is, for the report and the growth table. */
enum StageKind {
  /** The whole nightly analysis through {@code NightlyRun.analyse}, cold. */
  WHOLE,
  /** A step of the night, run in the night's order on the night's datasets. */
  NIGHT,
  /** A measurement the night does not make (one detector alone, the materialised join-back). */
  EXTRA,
  /** A peer the night is compared with: DuckDB, a raw PostgreSQL COPY. */
  PEER
}
