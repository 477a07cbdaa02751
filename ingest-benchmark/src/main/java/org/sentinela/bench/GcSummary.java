package org.sentinela.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of one JVM run as its {@code -Xlog:gc} log tells it: the most heap in use when a
 * collection started (the peak), the most still in use after one (what the run really holds), the
 * largest committed heap, and how many pauses were full collections.
 *
 * @param peakUsedMb the highest "before" figure of any pause, in MB
 * @param maxAfterGcMb the highest "after" figure of any pause, in MB
 * @param maxCommittedMb the largest committed heap, in MB
 * @param pauses collections with a heap figure
 * @param fullPauses full collections among them
 */
public record GcSummary(
    long peakUsedMb, long maxAfterGcMb, long maxCommittedMb, int pauses, int fullPauses) {

  // "[3.110s][info][gc] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 301M->88M(512M) 9.1ms"
  private static final Pattern PAUSE =
      Pattern.compile("GC\\(\\d+\\) (.*?) (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  /** Reads a log written with {@code -Xlog:gc:file=PATH}. */
  public static GcSummary read(Path log) {
    try {
      return parse(Files.readAllLines(log));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GC log " + log, e);
    }
  }

  /** Summarises the lines of a {@code -Xlog:gc} log. */
  public static GcSummary parse(List<String> lines) {
    long peak = 0;
    long after = 0;
    long committed = 0;
    int pauses = 0;
    int full = 0;
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        pauses++;
        full += m.group(1).startsWith("Pause Full") ? 1 : 0;
        peak = Math.max(peak, Long.parseLong(m.group(2)));
        after = Math.max(after, Long.parseLong(m.group(3)));
        committed = Math.max(committed, Long.parseLong(m.group(4)));
      }
    }
    return new GcSummary(peak, after, committed, pauses, full);
  }
}
