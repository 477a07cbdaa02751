package org.sentinela.cli.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The rule Sentinela replaces: flag a contract when its final value's z-score over the whole pool
 * exceeds {@value #Z_LIMIT}, or when final / initial exceeds {@value #RATIO_LIMIT}. One flag per
 * contract, scored by its z.
 */
public final class NaiveRule {

  /** The detector name of the naive rule's flags. */
  public static final String DETECTOR = "NAIVE_RULE";

  static final double Z_LIMIT = 2.5;
  static final double RATIO_LIMIT = 1.5;

  private NaiveRule() {}

  /** The flags of the naive rule on {@code rows}. */
  public static List<Flag> flags(List<PortalRow> rows) {
    double sum = 0;
    for (PortalRow row : rows) {
      sum += row.finalValue();
    }
    double mean = rows.isEmpty() ? 0 : sum / rows.size();
    double squares = 0;
    for (PortalRow row : rows) {
      double d = row.finalValue() - mean;
      squares += d * d;
    }
    double sd = rows.size() < 2 ? 0 : Math.sqrt(squares / (rows.size() - 1));
    List<Flag> flags = new ArrayList<>();
    for (PortalRow row : rows) {
      double z = sd == 0 ? 0 : (row.finalValue() - mean) / sd;
      boolean grown = row.initialValue() > 0 && row.finalValue() / row.initialValue() > RATIO_LIMIT;
      if (z > Z_LIMIT || grown) {
        flags.add(
            Flag.onContract(
                DETECTOR, row.unitCode(), row.contractNumber(), row.signatureDate(), z, null));
      }
    }
    return flags;
  }
}
