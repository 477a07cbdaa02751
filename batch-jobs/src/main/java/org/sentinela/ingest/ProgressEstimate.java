package org.sentinela.ingest;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A file's progress at one moment, and the rate and time left that follow from it.
 *
 * @param records records read so far
 * @param bytesRead bytes of the file read so far
 * @param totalBytes the file's size (the entry's uncompressed size inside a zip); -1 when unknown
 * @param elapsed time since the file was opened
 */
public record ProgressEstimate(long records, long bytesRead, long totalBytes, Duration elapsed) {

  public ProgressEstimate {
    Objects.requireNonNull(elapsed, "elapsed");
    if (records < 0 || bytesRead < 0) {
      throw new IllegalArgumentException(
          "records and bytes read cannot be negative: " + records + ", " + bytesRead);
    }
    if (totalBytes < -1) {
      throw new IllegalArgumentException("total bytes is a size or -1, got " + totalBytes);
    }
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("elapsed time cannot be negative: " + elapsed);
    }
  }

  /** Share of the file read, 0 to 1; empty when the size is unknown or zero. */
  public OptionalDouble fraction() {
    if (totalBytes <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(Math.min(1.0, (double) bytesRead / totalBytes));
  }

  /** Records read per second so far (0 before any time has passed). */
  public double recordsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds > 0 ? records / seconds : 0;
  }

  /**
   * Time left at the pace so far: {@code elapsed × unread bytes / read bytes}. Empty while the size
   * is unknown or nothing has been read.
   */
  public Optional<Duration> eta() {
    if (totalBytes <= 0 || bytesRead == 0) {
      return Optional.empty();
    }
    long unread = Math.max(0, totalBytes - bytesRead);
    return Optional.of(
        Duration.ofNanos(Math.round(elapsed.toNanos() * ((double) unread / bytesRead))));
  }

  /**
   * One log line: {@code 202105_Compras.csv: 120,000 records, 45.0% of 54.1 MB, 8,512 records/s,
   * ETA 1m 12s}.
   */
  public String describe(String fileName) {
    StringBuilder line =
        new StringBuilder(fileName).append(String.format(Locale.ROOT, ": %,d records", records));
    fraction()
        .ifPresent(
            f ->
                line.append(
                    String.format(
                        Locale.ROOT, ", %.1f%% of %.1f MB", f * 100, totalBytes / 1_000_000.0)));
    line.append(String.format(Locale.ROOT, ", %,d records/s", Math.round(recordsPerSecond())));
    eta().ifPresent(left -> line.append(", ETA ").append(format(left)));
    return line.toString();
  }

  /** A duration as {@code 1h 02m 03s}, {@code 4m 05s} or {@code 12s}, rounded to the second. */
  static String format(Duration duration) {
    long seconds = Math.round(duration.toMillis() / 1000.0);
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    if (h > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, s);
    }
    if (m > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", m, s);
    }
    return s + "s";
  }
}
