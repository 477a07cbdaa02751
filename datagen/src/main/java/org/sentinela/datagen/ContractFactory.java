package org.sentinela.datagen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sentinela.datagen.ObjectCategory.ModalityGroup;
import org.sentinela.datagen.ObjectCategory.Nature;
import org.sentinela.datagen.OrganFamily.Buyer;

/**
 * Draws contracts from the calibrated distributions: which unit buys (heavy-tailed activity), how
 * (modality shares), what (categories by buyer and modality), from whom (a Chinese-restaurant draw
 * over the unit's past suppliers), when (publication day, then the real lags back to the signature)
 * and for how much (the modality's ln-value quantiles plus the unit's price level and the December
 * rise).
 */
final class ContractFactory {

  private static final String NOT_APPLICABLE = "Não se aplica";
  private static final int MAX_GUARD_TRIES = 4;

  private final List<BuyerUnit> units;
  private final SplittableRandom random;
  private final BackgroundGuards guards;
  private final AliasSampler unitSampler;
  private final AliasSampler modalitySampler;
  private final Map<Buyer, Map<ModalityGroup, CategoryChoice>> categories =
      new EnumMap<>(Buyer.class);
  private final AliasSampler durationSampler;
  private final int[][] supplierHistory;
  private final int[] supplierHistoryLength;
  private final IntList[] stateSuppliers = new IntList[Places.UFS.size()];
  private final IntList nationalSuppliers = new IntList();
  private final int[][] contractCounters;
  private final int firstCounterYear;
  private final LongHashSet injectedNumbers = new LongHashSet();
  private boolean anyInjected;
  private int nextCompany = Suppliers.UTILITY_COMPANIES;
  private int nextIndividual;

  private record CategoryChoice(List<ObjectCategory> categories, AliasSampler sampler) {}

  ContractFactory(
      List<BuyerUnit> units, SplittableRandom random, BackgroundGuards guards, int lastYear) {
    this.units = units;
    this.random = random;
    this.guards = guards;
    this.unitSampler = new AliasSampler(units.stream().mapToDouble(BuyerUnit::activity).toArray());
    this.modalitySampler =
        new AliasSampler(
            Calibration.MODALITIES.stream().mapToDouble(ModalityProfile::share).toArray());
    for (Buyer buyer : Buyer.values()) {
      Map<ModalityGroup, CategoryChoice> byGroup = new EnumMap<>(ModalityGroup.class);
      for (ModalityGroup group : ModalityGroup.values()) {
        List<ObjectCategory> fitting = new ArrayList<>();
        for (ObjectCategory c : ObjectCategory.ALL_CATEGORIES) {
          if (c.fits(buyer, group)) {
            fitting.add(c);
          }
        }
        if (fitting.isEmpty()) {
          throw new IllegalStateException("no object category for " + buyer + " × " + group);
        }
        byGroup.put(
            group,
            new CategoryChoice(
                fitting,
                new AliasSampler(fitting.stream().mapToDouble(ObjectCategory::weight).toArray())));
      }
      categories.put(buyer, byGroup);
    }
    double[] durationWeights =
        Arrays.copyOf(Calibration.COMMON_DURATION_SHARES, Calibration.COMMON_DURATIONS.length + 1);
    double common = Arrays.stream(Calibration.COMMON_DURATION_SHARES).sum();
    durationWeights[durationWeights.length - 1] = 1.0 - common;
    this.durationSampler = new AliasSampler(durationWeights);
    this.supplierHistory = new int[units.size()][];
    this.supplierHistoryLength = new int[units.size()];
    for (int i = 0; i < stateSuppliers.length; i++) {
      stateSuppliers[i] = new IntList();
    }
    this.firstCounterYear = 1980;
    this.contractCounters = new int[units.size()][lastYear - firstCounterYear + 2];
  }

  List<BuyerUnit> units() {
    return units;
  }

  SplittableRandom random() {
    return random;
  }

  /** A background contract published in {@code month}, accepted by the guards and registered. */
  ContractRow background(YearMonth month) {
    BuyerUnit unit = units.get(unitSampler.sample(random));
    ModalityProfile modality = modality();
    ObjectCategory category = category(unit, modality);
    int publicationDay = publicationDay(month);
    int signatureDay =
        publicationDay
            - (int) Math.round(Calibration.PUBLICATION_LAG_DAYS.quantile(random.nextDouble()));
    long initial = valueCents(unit, modality, signatureDay);
    long fin = finalCents(initial, category.nature());
    // A classified contract's object is withheld, so nothing shows it is a renovation or a
    // continuing service: it grows only as ordinary purchases do.
    long classifiedFin =
        category.nature() == Nature.RENOVATION || category.nature() == Nature.CONTINUING_SERVICE
            ? finalCents(initial, Nature.PURCHASE_OR_SERVICE)
            : fin;
    int supplier = 0;
    ContractRow row = null;
    for (int tries = 0; tries < MAX_GUARD_TRIES; tries++) {
      supplier = tries < MAX_GUARD_TRIES - 1 ? supplier(unit, category) : newCompany();
      long f = supplier == Suppliers.CLASSIFIED ? classifiedFin : fin;
      row = contract(unit, modality, category, signatureDay, publicationDay, supplier, initial, f);
      if (guards.accepts(row)) {
        break;
      }
    }
    return accept(row);
  }

  /**
   * Numbers a background row (the next free number of its unit and signature year) and registers it
   * with the guards and the supplier histories; every background row passes here once.
   */
  ContractRow accept(ContractRow draft) {
    int[] counters = contractCounters[draft.unit().index()];
    int slot = counterSlot(counters, draft);
    int seq;
    do {
      seq = ++counters[slot];
    } while (anyInjected && injectedNumbers.contains(numberKey(draft, seq)));
    return register(draft.withSeq(seq), true);
  }

  /**
   * Numbers an injected row with a free number drawn uniformly from 1 to {@code maxSeq} (so that
   * injected contracts do not stand out by their numbers) and registers it with the guards only:
   * its supplier does not become the unit's habit.
   */
  ContractRow acceptInjected(ContractRow draft, int maxSeq) {
    int seq;
    int bound = Math.max(1, maxSeq);
    int tries = 0;
    do {
      seq = 1 + random.nextInt(bound);
      if (++tries % 50 == 0) {
        bound *= 2;
      }
    } while (!injectedNumbers.add(numberKey(draft, seq)));
    anyInjected = true;
    return register(draft.withSeq(seq), false);
  }

  private int counterSlot(int[] counters, ContractRow draft) {
    int year = draft.signatureDate().getYear();
    return Math.max(0, Math.min(counters.length - 1, year - firstCounterYear));
  }

  private static long numberKey(ContractRow draft, int seq) {
    return ((long) draft.unit().index() << 40)
        | ((long) (draft.signatureDate().getYear() & 0xFFFF) << 24)
        | seq;
  }

  private ContractRow register(ContractRow row, boolean joinHistory) {
    guards.register(row);
    int s = row.supplier();
    if (joinHistory && s >= Suppliers.UTILITY_COMPANIES) {
      int u = row.unit().index();
      int[] history = supplierHistory[u];
      if (history == null) {
        history = new int[4];
      } else if (supplierHistoryLength[u] == history.length) {
        history = Arrays.copyOf(history, history.length * 2);
      }
      supplierHistory[u] = history;
      history[supplierHistoryLength[u]++] = s;
      stateSuppliers[Places.UFS.indexOf(row.unit().uf())].add(s);
      nationalSuppliers.add(s);
    }
    return row;
  }

  ModalityProfile modality() {
    return Calibration.MODALITIES.get(modalitySampler.sample(random));
  }

  ObjectCategory category(BuyerUnit unit, ModalityProfile modality) {
    CategoryChoice choice = categories.get(unit.family().buys()).get(ModalityGroup.of(modality));
    return choice.categories().get(choice.sampler().sample(random));
  }

  /** A business day of the month, uniformly. */
  int publicationDay(YearMonth month) {
    LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
      day = day.getDayOfMonth() > 1 ? day.minusDays(1) : day.plusDays(2);
    } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.getDayOfMonth() < month.lengthOfMonth() ? day.plusDays(1) : day.minusDays(2);
    }
    return (int) day.toEpochDay();
  }

  /** A value drawn for the unit's segment: modality curve + unit level + December rise. */
  long valueCents(BuyerUnit unit, ModalityProfile modality, int signatureDay) {
    if (random.nextDouble() < modality.zeroShare()) {
      return 0;
    }
    return roundedCents(Math.exp(lnValue(unit, modality, signatureDay, random.nextDouble())));
  }

  /** ln(value) of the unit's segment at quantile {@code u}. */
  static double lnValue(BuyerUnit unit, ModalityProfile modality, int signatureDay, double u) {
    return modality.lnValue().quantile(u) + lnShift(unit, modality, signatureDay);
  }

  /** How far the unit's curve lies from its modality's: its price level and the December rise. */
  static double lnShift(BuyerUnit unit, ModalityProfile modality, int signatureDay) {
    boolean december = LocalDate.ofEpochDay(signatureDay).getMonthValue() == 12;
    double level = unit.valueLevel() + (december ? Calibration.DECEMBER_VALUE_LEVEL : 0.0);
    return modality.levelScale() * level;
  }

  /** Reais rounded as the real values are: to R$ 1,000, R$ 100, whole reais or cents. */
  long roundedCents(double reais) {
    double r = random.nextDouble();
    long cents = Math.max(1, Math.round(reais * 100));
    if (r < Calibration.ROUND_THOUSAND_SHARE && reais >= 5_000) {
      return Math.round(reais / 1000) * 100_000;
    }
    r -= Calibration.ROUND_THOUSAND_SHARE;
    if (r >= 0 && r < Calibration.ROUND_HUNDRED_SHARE && reais >= 500) {
      return Math.round(reais / 100) * 10_000;
    }
    r -= Calibration.ROUND_HUNDRED_SHARE;
    if (r >= 0 && r < Calibration.ROUND_REAL_SHARE && reais >= 10) {
      return Math.round(reais) * 100;
    }
    return cents;
  }

  /** The final value: mostly equal, some reductions, amendments within the legal ceilings. */
  long finalCents(long initial, Nature nature) {
    if (initial == 0) {
      return 0;
    }
    double ratio = 1.0;
    if (nature == Nature.RENOVATION
        && random.nextDouble() < Calibration.RENOVATION_AMENDED_25_TO_50_SHARE) {
      ratio = 1.26 + random.nextDouble() * 0.23;
    } else if (nature == Nature.CONTINUING_SERVICE
        && random.nextDouble() < Calibration.CONTINUING_RENEWED_SHARE) {
      ratio = 1.6 + random.nextDouble() * 1.4;
    } else {
      double r = random.nextDouble();
      if (r < Calibration.FINAL_BELOW_INITIAL_SHARE) {
        ratio =
            Calibration.LOWEST_REDUCTION_RATIO
                + random.nextDouble() * (1 - Calibration.LOWEST_REDUCTION_RATIO);
      } else if (r < Calibration.FINAL_BELOW_INITIAL_SHARE + Calibration.AMENDED_WITHIN_25_SHARE) {
        ratio = Calibration.AMENDMENT_RATIO.quantile(random.nextDouble());
      }
    }
    return ratio == 1.0 ? initial : Math.max(1, Math.round(initial * ratio));
  }

  /** A supplier for the unit: its past suppliers, a known one of the state, or a new one. */
  int supplier(BuyerUnit unit, ObjectCategory category) {
    if (random.nextDouble() < unit.family().classifiedShare()) {
      return Suppliers.CLASSIFIED;
    }
    if (category.utility()) {
      return Suppliers.utility(Places.UFS.indexOf(unit.uf()), category.text().contains("ÁGUA"));
    }
    if (category.individuals() && random.nextDouble() < Calibration.INDIVIDUAL_SUPPLIER_SHARE) {
      return Suppliers.individual(nextIndividual++);
    }
    int n = supplierHistoryLength[unit.index()];
    if (n > 0 && random.nextDouble() < n / (n + unit.supplierVariety())) {
      return supplierHistory[unit.index()][random.nextInt(n)];
    }
    if (random.nextDouble() < Calibration.BRAND_NEW_SUPPLIER_SHARE) {
      return newCompany();
    }
    IntList known =
        random.nextDouble() < Calibration.SAME_STATE_SUPPLIER_SHARE
            ? stateSuppliers[Places.UFS.indexOf(unit.uf())]
            : nationalSuppliers;
    return known.size() == 0 ? newCompany() : known.get(random.nextInt(known.size()));
  }

  int newCompany() {
    return nextCompany++;
  }

  /**
   * Assembles a contract draft (numbered by {@link #accept}): validity, tender fields and the
   * rarely filled text fields.
   */
  ContractRow contract(
      BuyerUnit unit,
      ModalityProfile modality,
      ObjectCategory category,
      int signatureDay,
      int publicationDay,
      int supplier,
      long initialCents,
      long finalCents) {
    int year = LocalDate.ofEpochDay(signatureDay).getYear();
    int startDay =
        signatureDay
            + (int) Math.round(Calibration.START_OFFSET_DAYS.quantile(random.nextDouble()));
    int endDay = startDay + duration();
    int tenderYear = random.nextDouble() < 0.3 ? year - 1 : year;
    int notInformed = random.nextDouble() < Calibration.NOT_INFORMED_MINUS_THREE_SHARE ? -3 : -2;
    return new ContractRow(
        unit,
        0,
        category,
        random.nextDouble() < Calibration.OBJECT_PREFIX_SHARE,
        modality,
        legalBasis(modality),
        situation(),
        signatureDay,
        publicationDay,
        startDay,
        endDay,
        supplier,
        initialCents,
        finalCents,
        1 + random.nextInt(60),
        tenderYear,
        notInformed);
  }

  private int duration() {
    int k = durationSampler.sample(random);
    if (k < Calibration.COMMON_DURATIONS.length) {
      return Calibration.COMMON_DURATIONS[k];
    }
    return Math.max(
        1, (int) Math.round(Calibration.OTHER_DURATION_DAYS.quantile(random.nextDouble())));
  }

  private String legalBasis(ModalityProfile modality) {
    if (random.nextDouble() >= Calibration.LEGAL_BASIS_SHARE) {
      return "";
    }
    return switch (ModalityGroup.of(modality)) {
      case DISPENSA -> "Lei 8.666/93, Artigo 24 , Inciso 02";
      case INEXIGIBILITY -> "Lei 8.666/93, Artigo 25 , Inciso 00";
      case AUCTION -> "Lei 10.520/02, Artigo 1 , Inciso 00";
      default -> "Fundamento Legal: Lei 8.666/93";
    };
  }

  private String situation() {
    double r = random.nextDouble();
    if (r < Calibration.SITUATION_CLOSED_SHARE) {
      return "Fechado";
    }
    if (r < Calibration.SITUATION_CLOSED_SHARE + Calibration.SITUATION_PUBLISHED_SHARE) {
      return "Publicado";
    }
    return NOT_APPLICABLE;
  }

  /** A growable list of ints. */
  static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int get(int i) {
      return values[i];
    }

    int size() {
      return size;
    }
  }
}
