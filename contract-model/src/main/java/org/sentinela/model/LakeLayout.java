package org.sentinela.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where things live in the Parquet lake. Documented in {@code docs/lake.md}.
 *
 * <pre>
 * LAKE/contracts/snapshots/RUN_ID/sign_year=YYYY/sign_month=M/part-*.parquet
 * LAKE/contracts/CURRENT            name of the snapshot readers use (one line)
 * LAKE/quarantine/snapshots/RUN_ID/part-*.parquet
 * LAKE/quarantine/CURRENT
 * LAKE/amendments/snapshots/RUN_ID/pub_year=YYYY/pub_month=M/part-*.parquet
 * LAKE/amendments/CURRENT
 * LAKE/contract_amendment_counts/snapshots/RUN_ID/part-all.parquet
 * LAKE/contract_amendment_counts/CURRENT
 * </pre>
 *
 * <p>A run writes a complete new snapshot, then replaces {@code CURRENT} with an atomic rename:
 * readers see the previous run or the new one, never half of one.
 */
public final class LakeLayout {

  public static final String CONTRACTS = "contracts";
  public static final String QUARANTINE = "quarantine";

  /** Contract amendments (Portal "Termo Aditivo"), {@link AmendmentSchema}. */
  public static final String AMENDMENTS = "amendments";

  /** Amendments counted per contract, {@link ContractAmendmentCountSchema}. */
  public static final String CONTRACT_AMENDMENT_COUNTS = "contract_amendment_counts";

  public static final String SNAPSHOTS = "snapshots";
  public static final String CURRENT = "CURRENT";

  private LakeLayout() {}

  /** The folder of one table ({@link #CONTRACTS}, {@link #QUARANTINE}, …). */
  public static Path table(Path lake, String table) {
    return lake.resolve(table);
  }

  /** The folder of one run's snapshot of a table. */
  public static Path snapshot(Path lake, String table, String runId) {
    return lake.resolve(table).resolve(SNAPSHOTS).resolve(runId);
  }

  /** The snapshot that {@code CURRENT} names, if the table has been committed at least once. */
  public static Optional<Path> currentSnapshot(Path lake, String table) {
    Path pointer = lake.resolve(table).resolve(CURRENT);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String runId = Files.readString(pointer).strip();
      return Optional.of(snapshot(lake, table, runId));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }
}
