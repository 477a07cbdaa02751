package org.sentinela.cli.quality;

import java.util.EnumSet;
import java.util.Set;
import org.sentinela.datagen.AnomalyKind;
import org.sentinela.datagen.AnomalyLabel;

/**
 * When a flag hits a labelled anomaly, and which detector answers which kind of label. Pure: no
 * Spark, no database.
 */
public final class FlagMatcher {

  /** Kinds about a unit's period rather than about named contracts alone. */
  static final Set<AnomalyKind> UNIT_LEVEL =
      EnumSet.of(
          AnomalyKind.BUNCHING, AnomalyKind.SUPPLIER_CONCENTRATION, AnomalyKind.TEMPORAL_SPIKE);

  private FlagMatcher() {}

  /** The detector whose flags count towards a kind's recall: the one of the same name. */
  public static String detectorFor(AnomalyKind kind) {
    return kind.name();
  }

  /**
   * True when {@code flag} points at {@code label}: same unit, and the flagged contract or one of
   * the contracts its evidence names is one of the label's contracts; for a unit-level kind, also a
   * flag of that kind's detector whose signature date falls in the label's period.
   */
  public static boolean hits(Flag flag, AnomalyLabel label) {
    if (!flag.unitCode().equals(label.unitCode())) {
      return false;
    }
    if (flag.contractNumber() != null && label.contractNumbers().contains(flag.contractNumber())) {
      return true;
    }
    for (String related : flag.relatedContracts()) {
      if (label.contractNumbers().contains(related)) {
        return true;
      }
    }
    return UNIT_LEVEL.contains(label.kind())
        && flag.detector().equals(detectorFor(label.kind()))
        && flag.signatureDate() != null
        && flag.signatureDate().toString().startsWith(label.period());
  }

  /**
   * True when {@code flag} counts towards {@code label}'s recall: it hits the label and comes from
   * the label kind's detector, or it comes from a rule without kinds (the naive rule).
   */
  public static boolean finds(Flag flag, AnomalyLabel label) {
    boolean answers =
        flag.detector().equals(NaiveRule.DETECTOR)
            || flag.detector().equals(detectorFor(label.kind()));
    return answers && hits(flag, label);
  }
}
