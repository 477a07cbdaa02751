package org.sentinela.datagen;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sentinela.datagen.ObjectCategory.ModalityGroup;
import org.sentinela.datagen.ObjectCategory.Nature;

/**
 * Plans the injected anomalies of a run before the background is drawn: their rows (numbered and
 * registered, so the background's guards keep clear of them) and their labels. Each kind's rows
 * look like ordinary contracts of their unit (same columns, plausible objects, the unit's own value
 * level); only the promised property is abnormal.
 */
final class AnomalyPlanner {

  /**
   * Modified z (0.6745 · deviation / MAD of ln value) of a value outlier, at least and at most,
   * against its segment (buyer UF × modality × superior organ, in its month) and against its unit.
   */
  static final double OUTLIER_MIN_Z = 4.0;

  static final double OUTLIER_MAX_Z = 6.0;

  /** The normal quantile at 0.75: a robust z is {@code MAD_TO_Z} · deviation / MAD. */
  static final double MAD_TO_Z = 0.6745;

  /** Value outliers go to the common modalities, whose segments hold enough contracts. */
  static final double OUTLIER_MIN_MODALITY_SHARE = 0.05;

  /** Value outliers stay below the R$ 1 billion "implausible" line. */
  static final double OUTLIER_MAX_REAIS = 900_000_000.0;

  /**
   * Fewest contracts with a value a value outlier's segment must expect: VALUE_OUTLIER's {@code
   * min_segment_size} (V11), below which the detector does not judge a contract by that segment.
   */
  static final double OUTLIER_MIN_SEGMENT_CONTRACTS = 30;

  /**
   * Draws of a unit and modality for a value outlier before its segment may be the modality
   * nationwide (runs of a few thousand rows, where no UF × organ segment is large enough).
   */
  static final int OUTLIER_SEGMENT_TRIES = 2_000;

  /**
   * A spike's injected contracts alone are a month this unlikely for the unit (Poisson at its
   * expected monthly count): a night tests some 25,000 unit-months per 100,000 rows, so at 200,000
   * rows the chance that any background month is as extreme is about 5% (Bonferroni). Smaller
   * spikes (10 contracts against an expected 2, Poisson tail 5 × 10⁻⁵) had twins among the
   * background's unlabelled months, which no detector can tell apart (docs/quality.md).
   */
  static final double SPIKE_MAX_CHANCE = 1e-6;

  private final ContractFactory factory;
  private final SplittableRandom random;
  private final Suppliers suppliers;
  private final int firstDay;
  private final int lastDay;
  private final double[] expectedRows;
  private final Map<String, List<BuyerUnit>> unitsBySegment = new HashMap<>();
  private final Set<Integer> unitsWithGroups = new HashSet<>();
  private final List<ContractRow> rows = new ArrayList<>();
  private final List<AnomalyLabel> labels = new ArrayList<>();

  /** The planned rows and their labels. */
  record Plan(List<ContractRow> rows, List<AnomalyLabel> labels) {}

  AnomalyPlanner(
      ContractFactory factory, Suppliers suppliers, long totalRows, YearMonth start, int months) {
    this.factory = factory;
    this.random = factory.random();
    this.suppliers = suppliers;
    this.firstDay = (int) start.atDay(1).toEpochDay();
    this.lastDay = (int) start.plusMonths(months - 1L).atEndOfMonth().toEpochDay();
    List<BuyerUnit> units = factory.units();
    double total = units.stream().mapToDouble(BuyerUnit::activity).sum();
    this.expectedRows = new double[units.size()];
    for (BuyerUnit u : units) {
      expectedRows[u.index()] = totalRows * u.activity() / total;
      unitsBySegment.computeIfAbsent(segmentKey(u), k -> new ArrayList<>()).add(u);
    }
  }

  Plan plan(long totalRows) {
    for (AnomalyKind kind : AnomalyKind.values()) {
      int count = kind.countFor(totalRows);
      for (int i = 0; i < count; i++) {
        switch (kind) {
          case VALUE_OUTLIER -> valueOutlier();
          case IMPLAUSIBLE_VALUE -> implausibleValue();
          case AMENDMENT_OVER_LIMIT -> amendmentOverLimit();
          case CONTRACT_SPLITTING -> splitting();
          case BUNCHING -> bunching();
          case SUPPLIER_CONCENTRATION -> concentration();
          case TEMPORAL_SPIKE -> spike();
          case DUPLICATE_REGISTRATION -> duplicate();
        }
      }
    }
    return new Plan(List.copyOf(rows), List.copyOf(labels));
  }

  /**
   * One contract at a robust z of {@link #OUTLIER_MIN_Z}–{@link #OUTLIER_MAX_Z} above the median of
   * its segment as the generator models it ({@link SegmentValueModel}: the units of the same UF and
   * superior organ, their price levels, the month's December rise), and at least as far above its
   * own unit's median: the higher of the two placements. A unit whose segment expects fewer than
   * {@link #OUTLIER_MIN_SEGMENT_CONTRACTS} contracts in the modality is passed over.
   */
  private void valueOutlier() {
    for (int attempt = 0; attempt < 2 * OUTLIER_SEGMENT_TRIES; attempt++) {
      BuyerUnit unit = anyUnit();
      ModalityProfile modality = factory.modality();
      if (modality.share() < OUTLIER_MIN_MODALITY_SHARE) {
        continue; // its segments are too small to judge an outlier by
      }
      List<BuyerUnit> peers =
          attempt < OUTLIER_SEGMENT_TRIES ? unitsBySegment.get(segmentKey(unit)) : factory.units();
      int signature = day(firstDay, lastDay - 10);
      SegmentValueModel segment = SegmentValueModel.of(peers, expectedRows, modality, signature);
      if (segment.contracts() < OUTLIER_MIN_SEGMENT_CONTRACTS) {
        continue;
      }
      double z = OUTLIER_MIN_Z + random.nextDouble() * (OUTLIER_MAX_Z - OUTLIER_MIN_Z);
      double aboveUnit =
          ContractFactory.lnValue(unit, modality, signature, 0.5) + z * modality.lnMad() / MAD_TO_Z;
      double aboveSegment = segment.median() + z * segment.mad() / MAD_TO_Z;
      double reais = Math.exp(Math.max(aboveUnit, aboveSegment));
      if (reais > OUTLIER_MAX_REAIS) {
        continue;
      }
      long cents = factory.roundedCents(reais);
      ContractRow row =
          single(unit, modality, normalCategory(unit, modality), signature, cents, cents);
      label(AnomalyKind.VALUE_OUTLIER, row, month(row), List.of(row));
      return;
    }
    throw new IllegalStateException(
        "no segment leaves room for a value outlier under R$ " + (long) OUTLIER_MAX_REAIS);
  }

  /** The segment a unit's contracts are judged in, short of modality: UF × superior organ. */
  static String segmentKey(BuyerUnit unit) {
    return unit.uf() + "|" + unit.superiorCode();
  }

  private void implausibleValue() {
    BuyerUnit unit = anyUnit();
    ModalityProfile modality = factory.modality();
    int signature = day(firstDay, lastDay - 10);
    long value = normalNonZero(unit, modality, signature, 100_000);
    long slipped = value * (random.nextBoolean() ? 100 : 1000);
    boolean initialSlipped = random.nextDouble() < 0.7;
    ContractRow row =
        single(
            unit,
            modality,
            normalCategory(unit, modality),
            signature,
            initialSlipped ? slipped : value,
            initialSlipped ? value : slipped);
    label(AnomalyKind.IMPLAUSIBLE_VALUE, row, month(row), List.of(row));
  }

  private void amendmentOverLimit() {
    BuyerUnit unit = anyUnit();
    ModalityProfile modality = factory.modality();
    ObjectCategory category;
    do {
      category = normalCategory(unit, modality);
    } while (category.nature() == Nature.CONTINUING_SERVICE);
    int signature = day(firstDay, lastDay - 10);
    long initial = normalNonZero(unit, modality, signature, 500_000);
    double ceiling =
        category.nature() == Nature.RENOVATION
            ? DispensaLimits.RENOVATION_AMENDMENT_CEILING
            : DispensaLimits.AMENDMENT_CEILING;
    double growth = ceiling * (1.6 + random.nextDouble() * 2.4);
    long fin = Math.round(initial * (1 + growth));
    ContractRow row = single(unit, modality, category, signature, initial, fin);
    label(AnomalyKind.AMENDMENT_OVER_LIMIT, row, month(row), List.of(row));
  }

  private void splitting() {
    BuyerUnit unit = anyUnit();
    ModalityProfile dispensa = dispensa();
    ObjectCategory category = purchaseCategory(unit);
    int pieces = 3 + random.nextInt(4);
    int first;
    int last;
    do {
      first = day(firstDay, lastDay - 75);
      last = first + 30 + random.nextInt(31);
    } while (year(first) != year(last)
        || DispensaLimits.limitCents(date(first), false)
            != DispensaLimits.limitCents(date(last), false));
    long limit = DispensaLimits.limitCents(date(first), false);
    long[] values = new long[pieces];
    long sum;
    do {
      sum = 0;
      for (int i = 0; i < pieces; i++) {
        values[i] = factory.roundedCents(limit * (0.35 + random.nextDouble() * 0.5) / 100.0);
        sum += values[i];
      }
    } while (sum <= limit * 1.15);
    int supplier = factory.newCompany();
    List<ContractRow> group = new ArrayList<>();
    for (int i = 0; i < pieces; i++) {
      int signature = i == 0 ? first : i == pieces - 1 ? last : day(first + 1, last - 1);
      group.add(injected(unit, dispensa, category, signature, supplier, values[i], values[i]));
    }
    group = inDateOrder(group);
    label(AnomalyKind.CONTRACT_SPLITTING, group.get(0), Integer.toString(year(first)), group);
  }

  private void bunching() {
    BuyerUnit unit = groupUnit(2, 30);
    ModalityProfile dispensa = dispensa();
    int[] span = yearSpan(120);
    long limit = DispensaLimits.limitCents(date(span[0]), false);
    int count = 8 + random.nextInt(7);
    List<ContractRow> group = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long value;
      do {
        value = factory.roundedCents(limit * (0.90 + random.nextDouble() * 0.099) / 100.0);
      } while (value < limit * 0.9 || value > limit);
      group.add(
          injected(
              unit,
              dispensa,
              purchaseCategory(unit),
              day(span[0], span[1]),
              factory.newCompany(),
              value,
              value));
    }
    group = inDateOrder(group);
    labels.add(
        new AnomalyLabel(
            AnomalyKind.BUNCHING,
            unit.code(),
            "",
            Integer.toString(year(span[0])),
            numbers(group)));
  }

  private void concentration() {
    BuyerUnit unit = groupUnit(3, 40);
    int[] span = yearSpan(200);
    double expectedInYear =
        expectedRows[unit.index()] * (span[1] - span[0] + 1) / (lastDay - firstDay + 1.0);
    int count = Math.max(12, (int) Math.ceil(3 * expectedInYear) + 4);
    int supplier = factory.newCompany();
    List<ContractRow> group = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ModalityProfile modality = nonDispensa();
      ObjectCategory category = normalCategory(unit, modality);
      int signature = day(span[0], span[1]);
      // a contract without value is not scored: it would not count towards the supplier's share
      long value = normalNonZero(unit, modality, signature, 1);
      group.add(injected(unit, modality, category, signature, supplier, value, value));
    }
    group = inDateOrder(group);
    label(AnomalyKind.SUPPLIER_CONCENTRATION, group.get(0), Integer.toString(year(span[0])), group);
  }

  private void spike() {
    int months = (int) Math.round((lastDay - firstDay) / 30.44);
    BuyerUnit unit = groupUnit(1.5 * months, 8 * months);
    YearMonth month;
    do {
      month = YearMonth.from(date(day(firstDay, lastDay - 35)));
    } while (month.getMonthValue() == 12);
    double expectedInMonth = expectedRows[unit.index()] / Math.max(1, months);
    int count =
        Math.max(
            Math.max(10, (int) Math.ceil(5 * expectedInMonth)),
            poissonCountWithTailAtMost(expectedInMonth, SPIKE_MAX_CHANCE));
    int from = (int) month.atDay(1).toEpochDay();
    int to = (int) month.atEndOfMonth().toEpochDay();
    List<ContractRow> group = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ModalityProfile modality = nonDispensa();
      int signature = day(from, to);
      // a contract without value is not scored: it would not count towards the month
      long value = normalNonZero(unit, modality, signature, 1);
      group.add(
          injected(
              unit,
              modality,
              normalCategory(unit, modality),
              signature,
              factory.newCompany(),
              value,
              value));
    }
    group = inDateOrder(group);
    labels.add(
        new AnomalyLabel(
            AnomalyKind.TEMPORAL_SPIKE, unit.code(), "", month.toString(), numbers(group)));
  }

  /** The smallest count c with P(X ≥ c) ≤ {@code tail} for X ~ Poisson({@code mean}). */
  static int poissonCountWithTailAtMost(double mean, double tail) {
    double pmf = Math.exp(-mean);
    double below = 0; // P(X < c)
    int c = 0;
    while (1 - below > tail) {
      below += pmf;
      c++;
      pmf *= mean / c;
    }
    return c;
  }

  private void duplicate() {
    BuyerUnit unit = anyUnit();
    ModalityProfile modality = nonDispensa();
    int signature = day(firstDay, lastDay - 10);
    long value = normalNonZero(unit, modality, signature, 100_000);
    ObjectCategory category = normalCategory(unit, modality);
    int publication = Math.min(lastDay, signature + random.nextInt(6));
    ContractRow draft =
        factory.contract(
            unit, modality, category, signature, publication, factory.newCompany(), value, value);
    ContractRow first = factory.acceptInjected(draft, numberRange(unit, 2));
    ContractRow second = factory.acceptInjected(draft, numberRange(unit, 2));
    rows.add(first);
    rows.add(second);
    label(AnomalyKind.DUPLICATE_REGISTRATION, first, month(first), List.of(first, second));
  }

  /** One injected contract with a supplier drawn as usual (a company, never classified). */
  private ContractRow single(
      BuyerUnit unit,
      ModalityProfile modality,
      ObjectCategory category,
      int signature,
      long initial,
      long fin) {
    int supplier = factory.supplier(unit, category);
    if (supplier < Suppliers.UTILITY_COMPANIES) {
      supplier = factory.newCompany();
    }
    return injected(unit, modality, category, signature, supplier, initial, fin);
  }

  private ContractRow injected(
      BuyerUnit unit,
      ModalityProfile modality,
      ObjectCategory category,
      int signature,
      int supplier,
      long initial,
      long fin) {
    int publication = Math.min(lastDay, signature + random.nextInt(8));
    ContractRow row =
        factory.acceptInjected(
            factory.contract(
                unit, modality, category, signature, publication, supplier, initial, fin),
            numberRange(unit, 20));
    rows.add(row);
    return row;
  }

  /**
   * The group renumbered so that, within each signature year, numbers rise with the signature date
   * as a unit's own numbering does (the same set of numbers, handed out again in date order).
   */
  private List<ContractRow> inDateOrder(List<ContractRow> group) {
    rows.removeAll(group);
    List<ContractRow> byDate = new ArrayList<>(group);
    byDate.sort(Comparator.comparingInt(ContractRow::signatureDay));
    Map<Integer, List<Integer>> seqsByYear = new TreeMap<>();
    for (ContractRow r : byDate) {
      seqsByYear
          .computeIfAbsent(r.signatureDate().getYear(), y -> new ArrayList<>())
          .add(r.contractSeq());
    }
    seqsByYear.values().forEach(Collections::sort);
    Map<Integer, Integer> nextByYear = new HashMap<>();
    List<ContractRow> renumbered = new ArrayList<>();
    for (ContractRow r : byDate) {
      int year = r.signatureDate().getYear();
      int k = nextByYear.merge(year, 1, Integer::sum) - 1;
      renumbered.add(r.withSeq(seqsByYear.get(year).get(k)));
    }
    rows.addAll(renumbered);
    return renumbered;
  }

  /** Numbers an injected row of the unit may take: up to its expected contracts in a year. */
  private int numberRange(BuyerUnit unit, int extra) {
    double perYear = expectedRows[unit.index()] * 365.25 / (lastDay - firstDay + 1.0);
    return (int) Math.ceil(perYear) + extra;
  }

  private void label(AnomalyKind kind, ContractRow first, String period, List<ContractRow> group) {
    labels.add(
        new AnomalyLabel(
            kind, first.unit().code(), suppliers.code(first.supplier()), period, numbers(group)));
  }

  private static List<String> numbers(List<ContractRow> group) {
    return group.stream().map(ContractRow::contractNumber).toList();
  }

  private BuyerUnit anyUnit() {
    List<BuyerUnit> units = factory.units();
    return units.get(random.nextInt(units.size()));
  }

  /**
   * A unit not yet used by a group kind whose expected rows over the run lie in [min, max] (the
   * closest one if none does), so that the injected group dominates its unit-year or month.
   */
  private BuyerUnit groupUnit(double min, double max) {
    List<BuyerUnit> units = factory.units();
    BuyerUnit best = null;
    double bestDistance = Double.MAX_VALUE;
    for (int tries = 0; tries < 2_000; tries++) {
      BuyerUnit u = units.get(random.nextInt(units.size()));
      if (unitsWithGroups.contains(u.index())) {
        continue;
      }
      double e = expectedRows[u.index()];
      double distance = e < min ? min - e : e > max ? e - max : 0;
      if (distance < bestDistance) {
        best = u;
        bestDistance = distance;
        if (distance == 0) {
          break;
        }
      }
    }
    if (best == null) {
      best = anyUnit();
    }
    unitsWithGroups.add(best.index());
    return best;
  }

  /** A span of at least {@code minDays} days inside one calendar year, the run and one limit. */
  private int[] yearSpan(int minDays) {
    for (int tries = 0; tries < 1_000; tries++) {
      int year = year(day(firstDay, lastDay));
      int from = Math.max(firstDay, (int) LocalDate.of(year, 1, 1).toEpochDay());
      int to = Math.min(lastDay - 10, (int) LocalDate.of(year, 12, 31).toEpochDay());
      int change = (int) DispensaLimits.LEI_14133_FROM.toEpochDay();
      if (from < change && to >= change) {
        from = change;
      }
      if (to - from + 1 >= minDays) {
        return new int[] {from, to};
      }
    }
    return new int[] {firstDay, lastDay};
  }

  private ModalityProfile dispensa() {
    return Calibration.MODALITIES.stream()
        .filter(ModalityProfile::dispensa)
        .findFirst()
        .orElseThrow();
  }

  private ModalityProfile nonDispensa() {
    ModalityProfile m;
    do {
      m = factory.modality();
    } while (m.dispensa());
    return m;
  }

  private ObjectCategory normalCategory(BuyerUnit unit, ModalityProfile modality) {
    ObjectCategory c;
    do {
      c = factory.category(unit, modality);
    } while (c.utility());
    return c;
  }

  /** An ordinary purchase a dispensa may buy (not works, not a utility, not from individuals). */
  private ObjectCategory purchaseCategory(BuyerUnit unit) {
    ModalityProfile dispensa = dispensa();
    ObjectCategory c;
    do {
      c = factory.category(unit, dispensa);
    } while (c.nature() != Nature.PURCHASE_OR_SERVICE
        || c.utility()
        || c.individuals()
        || !c.modalities().contains(ModalityGroup.DISPENSA));
    return c;
  }

  private long normalNonZero(
      BuyerUnit unit, ModalityProfile modality, int signature, long minCents) {
    long value;
    do {
      value = factory.valueCents(unit, modality, signature);
    } while (value < minCents);
    return value;
  }

  private int day(int from, int to) {
    return from + random.nextInt(Math.max(1, to - from + 1));
  }

  private static LocalDate date(int epochDay) {
    return LocalDate.ofEpochDay(epochDay);
  }

  private static int year(int epochDay) {
    return date(epochDay).getYear();
  }

  private static String month(ContractRow row) {
    return YearMonth.from(row.signatureDate()).toString();
  }
}
