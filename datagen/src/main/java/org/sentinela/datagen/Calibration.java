package org.sentinela.datagen;

import java.util.List;
import java.util.Map;

/**
 * Every figure the generator draws from, in one place. Figures marked "real" were measured on the
 * 43,232 rows of the real Compras files of 2021-01..06 and 2022-01..09 (see the module README,
 * section "Calibration", and {@code datagen/calibration/calibrate.py}); the others are documented
 * assumptions.
 */
final class Calibration {

  private Calibration() {}

  /** Probabilities at which the real ln(value) quantiles below were measured. */
  private static final double[] VALUE_PROBABILITIES = {
    0.0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 1.0
  };

  /**
   * Lowest generated non-zero value, ln(R$ 150). The real files have placeholders of R$ 0,01 (the
   * 1% quantile of "Sem Informação" and "Inexigibilidade"); the background leaves them out so that
   * it holds no implausible value that is not labelled.
   */
  static final double LN_VALUE_FLOOR = Math.log(150.0);

  /**
   * The top of each curve is its real 99% quantile plus this (the real maxima are scale slips), so
   * that no background value is a robust outlier of its modality.
   */
  static final double LN_VALUE_TOP_MARGIN = 0.5;

  /**
   * Both tails are also clipped at this robust z (0.6745 · |ln value − median| / MAD) of the
   * modality: the real lower tails reach z ≈ 5 (R$ 300 "Concorrência" contracts), which a
   * value-outlier detector rightly flags. Unit price levels add to it (see {@link
   * #FULL_LEVEL_MAD}).
   */
  static final double MAX_BACKGROUND_Z = 2.7;

  /**
   * A MAD of ln value at which unit price levels apply in full; narrower modalities get them in
   * proportion. Within a superior organ's segment the organ, regional and December levels then move
   * a value by at most about 0.7 robust z, so the background stays under 3.5 there.
   */
  static final double FULL_LEVEL_MAD = 1.4;

  /** Real: modality shares, zero-value shares and ln(value) quantiles (1%..99%). */
  static final List<ModalityProfile> MODALITIES =
      List.of(
          modality(
              "Pregão - Registro de Preço",
              "-99",
              0.2586,
              0.050,
              5.998,
              7.788,
              8.679,
              10.169,
              11.687,
              12.999,
              14.228,
              14.996,
              16.783),
          modality(
              "Pregão", "5", 0.2314, 0.021, 6.278, 8.294, 9.192, 10.528, 11.973, 13.380, 14.764,
              15.724, 17.357),
          modality(
              "Dispensa de Licitação",
              "6",
              0.1810,
              0.016,
              6.002,
              7.173,
              7.816,
              9.030,
              10.587,
              12.574,
              14.114,
              15.155,
              17.336),
          modality(
              "Inexigibilidade de Licitação",
              "7",
              0.1777,
              0.047,
              -4.605,
              7.901,
              9.138,
              10.587,
              11.513,
              13.122,
              14.477,
              15.425,
              17.759),
          modality(
              "Sem Informação",
              "",
              0.1288,
              0.057,
              -4.605,
              6.777,
              8.086,
              9.754,
              11.452,
              12.965,
              14.403,
              15.452,
              17.280),
          modality(
              "Tomada de Preços",
              "2",
              0.0143,
              0.008,
              9.393,
              10.969,
              11.421,
              12.210,
              12.934,
              13.655,
              14.287,
              14.492,
              14.930),
          modality(
              "Concorrência",
              "3",
              0.0056,
              0.049,
              5.704,
              8.977,
              9.752,
              12.740,
              14.570,
              15.539,
              16.181,
              16.932,
              18.603),
          modality(
              "Concorrência - Registro de Preço",
              "-97",
              0.0015,
              0.0,
              6.694,
              7.091,
              7.338,
              8.260,
              9.158,
              10.184,
              11.983,
              13.218,
              13.864),
          modality(
              "Convite", "1", 0.0009, 0.049, 9.947, 10.422, 10.945, 11.469, 11.995, 12.240, 12.493,
              12.538, 12.603));

  /**
   * Real: publication-month volume relative to the mean month (Jan–Sep averaged over the years
   * present). October and November are assumed average; December's year-end rise (×1.45) is an
   * assumption: the real files lack July–December 2021, but contracts signed in December 2021 are
   * 5× those signed in November 2021 among the 2022 publications.
   */
  static final double[] MONTH_WEIGHTS = {
    1.114, 1.130, 1.075, 0.793, 0.950, 0.942, 0.965, 1.054, 0.977, 1.0, 1.0, 1.45
  };

  /** Assumed: ln-value rise of contracts signed in December (year-end spending), every year. */
  static final double DECEMBER_VALUE_LEVEL = 0.15;

  /**
   * Real, halved: legitimate regional price levels (ln-value offsets) by IBGE macro-region, with
   * the Distrito Federal apart. The real median offsets of ln value from the modality median, for
   * rows whose unit batch-jobs' RegionResolver places (67% of the real rows), are DF +0.73,
   * Centre-West +0.13, South +0.09, Southeast 0.00, North −0.07, Northeast −0.22; they mix the
   * organs present in each region, so the generator takes half of each.
   */
  static final Map<String, Double> REGION_VALUE_LEVEL =
      Map.of("N", -0.03, "NE", -0.11, "CO", 0.07, "SE", 0.0, "S", 0.05);

  /**
   * Real, halved: the Distrito Federal's level in place of Centre-West's (Brasília head offices).
   */
  static final double DF_VALUE_LEVEL = 0.36;

  /**
   * Real: each state's share of the real rows whose unit RegionResolver places (in %). The Distrito
   * Federal is assumed at 12%: the real share of placed rows is 4.9%, but most of the 33% of rows
   * no rule places are central units in Brasília.
   */
  static final Map<String, Double> UF_WEIGHTS =
      Map.ofEntries(
          Map.entry("AC", 0.9),
          Map.entry("AL", 1.7),
          Map.entry("AP", 0.7),
          Map.entry("AM", 3.0),
          Map.entry("BA", 3.9),
          Map.entry("CE", 4.1),
          Map.entry("DF", 12.0),
          Map.entry("ES", 1.8),
          Map.entry("GO", 2.6),
          Map.entry("MA", 2.3),
          Map.entry("MT", 1.9),
          Map.entry("MS", 2.3),
          Map.entry("MG", 11.6),
          Map.entry("PA", 4.5),
          Map.entry("PB", 2.4),
          Map.entry("PR", 4.4),
          Map.entry("PE", 4.8),
          Map.entry("PI", 1.7),
          Map.entry("RJ", 14.0),
          Map.entry("RN", 3.8),
          Map.entry("RS", 5.9),
          Map.entry("RO", 1.3),
          Map.entry("RR", 1.3),
          Map.entry("SC", 3.7),
          Map.entry("SP", 7.5),
          Map.entry("SE", 1.7),
          Map.entry("TO", 1.2));

  /** Real: contracts per buyer unit per month (43,232 rows / 2,036 units / 15 months). */
  static final double CONTRACTS_PER_UNIT_MONTH = 1.416;

  /**
   * Real: spread (sd of ln) of a unit's activity; contracts per unit over 15 months have quantiles
   * 10% 2, 50% 10, 90% 49, 99% 156, a lognormal with sd ≈ 1.2.
   */
  static final double UNIT_ACTIVITY_LN_SD = 1.2;

  /** Most units the catalogue makes; past it, units are busier instead of more numerous. */
  static final int MAX_UNITS = 60_000;

  /**
   * Real: a unit's supplier variety (concentration parameter of a Chinese-restaurant draw): median
   * and ln-sd chosen so that units with 50+ contracts have distinct suppliers / contracts 10% 0.48,
   * 50% 0.76, 90% 0.94 as in the real files.
   */
  static final double SUPPLIER_ALPHA_MEDIAN = 150.0;

  static final double SUPPLIER_ALPHA_LN_SD = 0.95;

  /** Assumed: share of a unit's first-time suppliers that are new to the whole market. */
  static final double BRAND_NEW_SUPPLIER_SHARE = 0.6;

  /** Assumed: share of the other first-time suppliers taken from the unit's own state. */
  static final double SAME_STATE_SUPPLIER_SHARE = 0.8;

  /** Real: lag publication − signature in days, quantiles 0..100% (50% 8 days, 90% 280). */
  static final QuantileCurve PUBLICATION_LAG_DAYS =
      new QuantileCurve(
          new double[] {0.0, 0.01, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 1.0},
          new double[] {0, 1, 1, 3, 8, 38, 280, 740, 1779, 3650});

  /** Real: start of validity − signature in days (75% 3, 90% 12, 99% 98). */
  static final QuantileCurve START_OFFSET_DAYS =
      new QuantileCurve(
          new double[] {0.0, 0.50, 0.75, 0.90, 0.99, 1.0}, new double[] {0, 0, 3, 12, 98, 180});

  /** Real: the most common validity lengths in days and their shares of all rows. */
  static final int[] COMMON_DURATIONS = {365, 364, 730, 1826, 1825, 729, 1095, 731, 180, 1461};

  static final double[] COMMON_DURATION_SHARES = {
    0.338, 0.116, 0.055, 0.040, 0.031, 0.024, 0.012, 0.011, 0.010, 0.010
  };

  /** Real: the other validity lengths, quantiles in days. */
  static final QuantileCurve OTHER_DURATION_DAYS =
      new QuantileCurve(
          new double[] {0.0, 0.10, 0.25, 0.50, 0.75, 0.90, 0.99, 1.0},
          new double[] {30, 90, 180, 365, 730, 1580, 4018, 5000});

  /** Real: share of rows whose final value differs from the initial (14.7%), split below. */
  static final double FINAL_BELOW_INITIAL_SHARE = 0.035;

  static final double AMENDED_WITHIN_25_SHARE = 0.0815;

  /** Real: final / initial of amended contracts within 25%, quantiles (50% 1.104). */
  static final QuantileCurve AMENDMENT_RATIO =
      new QuantileCurve(
          new double[] {0.0, 0.10, 0.25, 0.50, 0.75, 0.90, 1.0},
          new double[] {1.002, 1.034, 1.063, 1.104, 1.153, 1.215, 1.25});

  /**
   * Real: 1.1% of rows grow 25–50%. Generated only for renovations, which may (the 50% ceiling):
   * this share of renovations grow by 26–49%.
   */
  static final double RENOVATION_AMENDED_25_TO_50_SHARE = 0.30;

  /**
   * Real: 1.9% of rows grow beyond 50%. Generated only for continuing services (yearly renewals
   * show in the final value, which the amendment ceiling does not cover): this share of them is
   * renewed, ×1.6–×3.
   */
  static final double CONTINUING_RENEWED_SHARE = 0.20;

  /**
   * Real: reductions go down to 0; the background keeps final ≥ 0.5 × initial so that no reduction
   * looks like a ×100 scale slip.
   */
  static final double LOWEST_REDUCTION_RATIO = 0.5;

  /** Real: 20.1% of values are multiples of R$ 1,000, 29.9% of R$ 100, 55.1% whole reais. */
  static final double ROUND_THOUSAND_SHARE = 0.201;

  static final double ROUND_HUNDRED_SHARE = 0.098;
  static final double ROUND_REAL_SHARE = 0.252;

  /**
   * Real: 97.4% of "Objeto" texts start with {@code "Objeto: "}; the classified ones (2.1%) never
   * do, so 99.5% of the others.
   */
  static final double OBJECT_PREFIX_SHARE = 0.995;

  /** Real: "Situação Contrato" is "Não se aplica" in 98.4% of rows, else mostly "Fechado". */
  static final double SITUATION_CLOSED_SHARE = 0.010;

  static final double SITUATION_PUBLISHED_SHARE = 0.005;

  /** Real: "Fundamento Legal" is empty in 97.8% of rows. */
  static final double LEGAL_BASIS_SHARE = 0.022;

  /** Real: "Sem Informação" rows have Número Licitação {@code -3} (91%) or {@code -2}. */
  static final double NOT_INFORMED_MINUS_THREE_SHARE = 0.914;

  /** Assumed: share of contracts of categories open to individuals that go to one (CPF). */
  static final double INDIVIDUAL_SUPPLIER_SHARE = 0.5;

  private static ModalityProfile modality(
      String name, String tenderCode, double share, double zeroShare, double... quantiles) {
    double[] values = new double[VALUE_PROBABILITIES.length];
    for (int i = 0; i < quantiles.length; i++) {
      values[i + 1] = quantiles[i];
    }
    values[0] = quantiles[0] - 0.5;
    values[values.length - 1] = quantiles[quantiles.length - 1] + LN_VALUE_TOP_MARGIN;
    double floor = LN_VALUE_FLOOR;
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(values[i], floor);
      floor = values[i] + (i == 0 ? 0.3 : 0.0);
    }
    QuantileCurve raw = new QuantileCurve(VALUE_PROBABILITIES, values);
    double median = raw.quantile(0.5);
    double reach = MAX_BACKGROUND_Z * raw.medianAbsoluteDeviation() / 0.6745;
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(median - reach, Math.min(median + reach, values[i]));
    }
    QuantileCurve curve = new QuantileCurve(VALUE_PROBABILITIES, values);
    double mad = curve.medianAbsoluteDeviation();
    return new ModalityProfile(
        name,
        tenderCode,
        share,
        zeroShare,
        curve,
        name.startsWith("Dispensa"),
        !tenderCode.isEmpty(),
        mad,
        Math.min(1.0, mad / FULL_LEVEL_MAD));
  }
}
