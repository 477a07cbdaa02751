package org.sentinela.cli.quality;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One flag to evaluate, from Sentinela's published anomalies or from the naive rule.
 *
 * @param detector the detector that raised it ({@link NaiveRule#DETECTOR} for the naive rule)
 * @param unitCode "Código UG" of the flagged contract's buyer unit
 * @param contractNumber the flagged contract's number, null for a flag about a whole unit
 * @param signatureDate the flagged contract's signature date, null when unknown
 * @param score the detector's score (larger is more anomalous)
 * @param qValue the night-wide Benjamini-Hochberg q-value, null when the run has none
 * @param relatedContracts contract numbers of the same unit that the flag's evidence names
 */
public record Flag(
    String detector,
    String unitCode,
    String contractNumber,
    LocalDate signatureDate,
    double score,
    Double qValue,
    Set<String> relatedContracts) {

  public Flag {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(unitCode, "unitCode");
    relatedContracts = Set.copyOf(relatedContracts);
  }

  /** A flag on one contract, with nothing related. */
  public static Flag onContract(
      String detector,
      String unitCode,
      String contractNumber,
      LocalDate signatureDate,
      double score,
      Double qValue) {
    return new Flag(detector, unitCode, contractNumber, signatureDate, score, qValue, Set.of());
  }
}
