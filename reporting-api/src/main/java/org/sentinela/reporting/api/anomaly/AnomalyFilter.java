package org.sentinela.reporting.api.anomaly;

import static org.sentinela.reporting.api.param.RequestParameters.date;
import static org.sentinela.reporting.api.param.RequestParameters.matching;
import static org.sentinela.reporting.api.param.RequestParameters.nonNegativeNumber;
import static org.sentinela.reporting.api.param.RequestParameters.probability;
import static org.sentinela.reporting.api.param.RequestParameters.upperMatching;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sentinela.reporting.api.paging.KeysetCursor;
import org.sentinela.reporting.api.param.SupplierKey;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * The optional filters of the anomaly list, validated and normalised; a {@code null} component
 * matches every anomaly. {@code from}/{@code to} bound the signature date, both inclusive; {@code
 * maxQValue} keeps flags whose q-value is at most that (a flag without one never matches).
 */
record AnomalyFilter(
    String uf,
    String detector,
    Severity severity,
    String municipality,
    String buyer,
    SupplierKey supplier,
    Double minScore,
    Double maxQValue,
    LocalDate from,
    LocalDate to) {

  static final AnomalyFilter NONE =
      new AnomalyFilter(null, null, null, null, null, null, null, null, null, null);

  /** Longest signature-date range a request may ask for. */
  static final int MAX_RANGE_YEARS = 5;

  private static final Pattern UF = Pattern.compile("[A-Z]{2}");
  private static final Pattern DETECTOR = Pattern.compile("[A-Z_]{1,64}");
  private static final Pattern IBGE_MUNICIPALITY = Pattern.compile("[0-9]{7}");
  private static final Pattern UNIT_CODE = Pattern.compile("[0-9]{1,12}");

  AnomalyFilter {
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidParameterException(
          "from", from.toString(), "must not be after 'to' (" + to + ")");
    }
    if (from != null && to != null && to.isAfter(from.plusYears(MAX_RANGE_YEARS))) {
      throw new InvalidParameterException(
          "to",
          to.toString(),
          "must be at most " + MAX_RANGE_YEARS + " years after 'from' (" + from + ")");
    }
  }

  /** The request parameters, as sent. */
  record Parameters(
      String uf,
      String detector,
      String severity,
      String municipality,
      String buyer,
      String supplier,
      String minScore,
      String maxQValue,
      String from,
      String to) {}

  /**
   * Parses the request parameters; letters are matched case-insensitively.
   *
   * @throws InvalidParameterException naming the first parameter whose value is not acceptable
   */
  static AnomalyFilter of(Parameters p) {
    return new AnomalyFilter(
        upperMatching("uf", p.uf(), UF, "must be a two-letter state code such as RJ, or BR"),
        upperMatching(
            "detector", p.detector(), DETECTOR, "must be a detector name such as VALUE_OUTLIER"),
        severity(p.severity()),
        matching(
            "municipality",
            p.municipality(),
            IBGE_MUNICIPALITY,
            "must be a 7-digit IBGE municipality code such as 3304557"),
        matching("buyer", p.buyer(), UNIT_CODE, "must be a buyer unit (UG) code such as 170178"),
        SupplierKey.parse("supplier", p.supplier()),
        nonNegativeNumber("min_score", p.minScore()),
        probability("max_q_value", p.maxQValue()),
        date("from", p.from()),
        date("to", p.to()));
  }

  /**
   * The filters' fingerprint, carried in page cursors: equal for requests that select the same rows
   * however their values were spelled ({@code uf=rj} and {@code uf=RJ}).
   */
  String fingerprint() {
    return KeysetCursor.fingerprint(canonical());
  }

  /** The filters in one canonical spelling: equal for requests that select the same rows. */
  String canonical() {
    return String.join(
        "\n",
        "uf=" + text(uf),
        "detector=" + text(detector),
        "severity=" + text(severity),
        "municipality=" + text(municipality),
        "buyer=" + text(buyer),
        "supplier=" + (supplier == null ? "" : supplier.id()),
        "min_score=" + text(minScore),
        "max_q_value=" + text(maxQValue),
        "from=" + text(from),
        "to=" + text(to));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static Severity severity(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Severity.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("severity", value, "must be one of LOW, MEDIUM, HIGH");
    }
  }
}
