package org.sentinela.datagen;

import java.util.List;
import java.util.Objects;

/**
 * The ground truth of one injected anomaly: a line {@code
 * kind;unit_code;supplier_id;period;contract_numbers} of the labels file.
 *
 * @param kind what was injected
 * @param unitCode "Código UG" of the buyer unit
 * @param supplierId "Código Contratado", empty for kinds about a unit (bunching, spikes)
 * @param period {@code YYYY-MM} (signature month) or {@code YYYY} (signature year)
 * @param contractNumbers "Número do Contrato" of the injected rows, in the unit
 */
public record AnomalyLabel(
    AnomalyKind kind,
    String unitCode,
    String supplierId,
    String period,
    List<String> contractNumbers) {

  public static final String HEADER = "kind;unit_code;supplier_id;period;contract_numbers";

  public AnomalyLabel {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(supplierId, "supplierId");
    Objects.requireNonNull(period, "period");
    contractNumbers = List.copyOf(contractNumbers);
    if (contractNumbers.isEmpty()) {
      throw new IllegalArgumentException(kind + " label without contracts");
    }
    if (!period.matches("\\d{4}(-\\d{2})?")) {
      throw new IllegalArgumentException("period must be YYYY or YYYY-MM, got " + period);
    }
  }

  /** The label as a line of the labels file. */
  public String line() {
    return String.join(
        ";", kind.name(), unitCode, supplierId, period, String.join("|", contractNumbers));
  }

  /** Reads a line written by {@link #line()}. */
  public static AnomalyLabel parse(String line) {
    String[] f = line.split(";", -1);
    if (f.length != 5) {
      throw new IllegalArgumentException("expected 5 fields in a label line, got: " + line);
    }
    return new AnomalyLabel(
        AnomalyKind.valueOf(f[0]), f[1], f[2], f[3], List.of(f[4].split("\\|")));
  }
}
