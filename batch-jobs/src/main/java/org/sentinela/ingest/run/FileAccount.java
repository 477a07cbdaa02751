package org.sentinela.ingest.run;

import java.util.Map;
import org.sentinela.ingest.InputFile;
import org.sentinela.ingest.RejectionReason;

/**
 * One input file's accounting in a run: {@code read = accepted + quarantined + duplicate} for an
 * ingested file; nothing read for a file the lake already held unchanged.
 */
public record FileAccount(
    InputFile file,
    boolean unchanged,
    String sha256,
    long bytes,
    long read,
    long accepted,
    long quarantined,
    long duplicate,
    Map<RejectionReason, Long> quarantineReasons) {

  public FileAccount {
    quarantineReasons = Map.copyOf(quarantineReasons);
    if (read != accepted + quarantined + duplicate) {
      throw new IllegalStateException(
          file.name()
              + ": read "
              + read
              + " ≠ accepted "
              + accepted
              + " + quarantined "
              + quarantined
              + " + duplicate "
              + duplicate);
    }
    long byReason = quarantineReasons.values().stream().mapToLong(Long::longValue).sum();
    if (byReason != quarantined) {
      throw new IllegalStateException(
          file.name() + ": quarantined " + quarantined + " but reasons add up to " + byReason);
    }
  }

  /** The file's status as {@code run_files} records it: INGESTED, UNCHANGED, IGNORED or FAILED. */
  public String status() {
    if (unchanged) {
      return "UNCHANGED";
    }
    return switch (file.status()) {
      case INGEST -> "INGESTED";
      case IGNORED -> "IGNORED";
      case FAILED -> "FAILED";
    };
  }

  /** A file that was not ingested (ignored or failed): nothing read. */
  public static FileAccount notIngested(InputFile file, String sha256, long bytes) {
    return new FileAccount(file, false, sha256, bytes, 0, 0, 0, 0, Map.of());
  }

  /** A file the current snapshot already holds with the same content: carried over, not read. */
  public static FileAccount unchanged(InputFile file, String sha256, long bytes) {
    return new FileAccount(file, true, sha256, bytes, 0, 0, 0, 0, Map.of());
  }
}
