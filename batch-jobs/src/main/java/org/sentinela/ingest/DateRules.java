package org.sentinela.ingest;

import java.time.LocalDate;
import java.util.List;
import org.sentinela.model.DataQualityFlag;

/**
 * Date rules every source's normaliser applies: the signature date required and plausible (it
 * partitions the lake), and the date quality flags.
 */
public final class DateRules {

  static final int SENTINEL_END_YEAR = 2090;
  static final int EARLIEST_SIGNATURE_YEAR = 1950;

  private DateRules() {}

  /**
   * The signature date: rejected when missing, before 1950 or after the year following the
   * publication (or today when there is no publication date).
   *
   * @param field the field's name, for the rejection's detail
   */
  public static LocalDate requireSignature(
      LocalDate signature, LocalDate publication, String field) {
    if (signature == null) {
      throw new RecordRejectedException(
          RejectionReason.MISSING_SIGNATURE_DATE, field + " is missing");
    }
    int latestYear = (publication == null ? LocalDate.now() : publication).getYear() + 1;
    if (signature.getYear() < EARLIEST_SIGNATURE_YEAR || signature.getYear() > latestYear) {
      throw new RecordRejectedException(
          RejectionReason.IMPOSSIBLE_SIGNATURE_DATE, "signed " + signature);
    }
    return signature;
  }

  /** Flags for the dates; returns the end date to store (null for a sentinel such as 2099). */
  public static LocalDate checkDates(
      LocalDate signature,
      LocalDate publication,
      LocalDate start,
      LocalDate end,
      List<DataQualityFlag> flags) {
    LocalDate stored = end;
    if (end == null) {
      flags.add(DataQualityFlag.MISSING_END_DATE);
    } else if (end.getYear() >= SENTINEL_END_YEAR) {
      flags.add(DataQualityFlag.SENTINEL_END_DATE);
      stored = null;
    } else if (start != null && end.isBefore(start)) {
      flags.add(DataQualityFlag.END_BEFORE_START);
    }
    if (publication != null && signature.isAfter(publication)) {
      flags.add(DataQualityFlag.SIGNED_AFTER_PUBLICATION);
    }
    if (signature.getYear() < 2000) {
      flags.add(DataQualityFlag.SIGNED_BEFORE_2000);
    }
    return stored;
  }
}
