package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.BrazilianFormats;
import org.sentinela.model.MacroRegion;

/** A labelled run: every kind is present with the property it promises, and nothing else is. */
class LabelledRunTest {

  private static final long ROWS = 60_000;

  /** Segments (superior organ × modality) with fewer values have no stable MAD. */
  private static final int MIN_SEGMENT = 300;

  @TempDir static Path dir;
  private static List<Contract> contracts;
  private static List<AnomalyLabel> labels;
  private static Map<String, Contract> byKey;
  private static Set<String> labelled;
  private static Map<YearMonth, Long> publishedPerMonth;

  /** A generated row with its parsed fields. */
  record Contract(
      String superior,
      String unit,
      String unitName,
      String number,
      String supplier,
      String modality,
      String object,
      LocalDate signature,
      double initial,
      double fin) {
    String key() {
      return unit + "/" + number;
    }

    boolean dispensa() {
      return modality.equals("Dispensa de Licitação");
    }

    boolean works() {
      String o = object.replace("MÃO DE OBRA", "");
      return o.contains("OBRA") || o.contains("ENGENHARIA") || o.contains("REFORMA");
    }

    double limit() {
      return DispensaLimits.limitCents(signature, works()) / 100.0;
    }
  }

  @BeforeAll
  static void generate() throws IOException {
    Path out = dir.resolve("portal");
    Path labelFile = dir.resolve("labels.csv");
    PortalDataGenerator.generate(
        GeneratorOptions.labelled(out, ROWS, YearMonth.of(2021, 1), 24, 11, labelFile));
    contracts = new ArrayList<>();
    publishedPerMonth = new HashMap<>();
    for (GeneratedFiles.Row r : GeneratedFiles.rows(out)) {
      publishedPerMonth.merge(
          YearMonth.from(BrazilianFormats.parseDate(r.get("Data Publicação DOU"))), 1L, Long::sum);
      contracts.add(
          new Contract(
              r.get("Código Órgão Superior"),
              r.get("Código UG"),
              r.get("Nome UG"),
              r.get("Número do Contrato"),
              r.get("Código Contratado"),
              r.get("Modalidade Compra"),
              r.get("Objeto"),
              BrazilianFormats.parseDate(r.get("Data Assinatura Contrato")),
              money(r.get("Valor Inicial Compra")),
              money(r.get("Valor Final Compra"))));
    }
    List<String> lines = Files.readAllLines(labelFile, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo(AnomalyLabel.HEADER);
    labels = lines.subList(1, lines.size()).stream().map(AnomalyLabel::parse).toList();
    byKey = new HashMap<>();
    for (Contract c : contracts) {
      assertThat(byKey.put(c.key(), c)).as("unit/number is unique: " + c.key()).isNull();
    }
    labelled = new HashSet<>();
    for (AnomalyLabel l : labels) {
      l.contractNumbers().forEach(n -> labelled.add(l.unitCode() + "/" + n));
    }
  }

  private static double money(String text) {
    return BrazilianFormats.parseMoney(text).doubleValue();
  }

  private static List<Contract> members(AnomalyLabel label) {
    return label.contractNumbers().stream()
        .map(n -> byKey.get(label.unitCode() + "/" + n))
        .toList();
  }

  private static List<AnomalyLabel> of(AnomalyKind kind) {
    return labels.stream().filter(l -> l.kind() == kind).toList();
  }

  @Test
  void everyKindIsPresentAtItsRate() {
    for (AnomalyKind kind : AnomalyKind.values()) {
      assertThat(of(kind)).as(kind.name()).hasSize(kind.countFor(ROWS));
    }
    assertThat(contracts).hasSize((int) ROWS);
  }

  @Test
  void labelsReferenceExistingContractsOfTheirUnitAndSupplier() {
    for (AnomalyLabel label : labels) {
      for (Contract c : members(label)) {
        assertThat(c).as(label.line()).isNotNull();
        if (!label.supplierId().isEmpty()) {
          assertThat(c.supplier()).as(label.line()).isEqualTo(label.supplierId());
        }
        assertThat(c.signature().toString()).as(label.line()).startsWith(label.period());
      }
    }
  }

  @Test
  void valueOutliersAreFarAboveTheirModalityAndBelowOneBillion() {
    Map<String, double[]> bySegment = robustStats(c -> c.superior() + "|" + c.modality());
    Map<String, double[]> byModality = robustStats(Contract::modality);
    for (AnomalyLabel label : of(AnomalyKind.VALUE_OUTLIER)) {
      Contract c = members(label).get(0);
      double[] stats = bySegment.get(c.superior() + "|" + c.modality());
      if (stats[2] < MIN_SEGMENT) {
        stats = byModality.get(c.modality());
      }
      double z = 0.6745 * (Math.log(c.initial()) - stats[0]) / stats[1];
      assertThat(z).as(label.line()).isGreaterThan(3.5);
      assertThat(c.initial()).isLessThan(1e9).isEqualTo(c.fin());
    }
  }

  @Test
  void implausibleValuesAreHundredOrThousandfoldSlips() {
    for (AnomalyLabel label : of(AnomalyKind.IMPLAUSIBLE_VALUE)) {
      Contract c = members(label).get(0);
      double ratio = Math.max(c.initial(), c.fin()) / Math.min(c.initial(), c.fin());
      assertThat(Math.abs(ratio - 100) < 1e-6 || Math.abs(ratio - 1000) < 1e-6)
          .as(label.line() + " ratio " + ratio)
          .isTrue();
    }
  }

  @Test
  void amendmentsExceedTheirCeilingByAClearMargin() {
    for (AnomalyLabel label : of(AnomalyKind.AMENDMENT_OVER_LIMIT)) {
      Contract c = members(label).get(0);
      double ceiling = c.object().contains("REFORMA") ? 0.5 : 0.25;
      assertThat(c.object()).doesNotContain("CONTINUADO");
      assertThat(c.fin() / c.initial() - 1).as(label.line()).isGreaterThan(1.5 * ceiling);
    }
  }

  @Test
  void splitGroupsAreDispensasUnderTheLimitOverItTogether() {
    for (AnomalyLabel label : of(AnomalyKind.CONTRACT_SPLITTING)) {
      List<Contract> group = members(label);
      assertThat(group).hasSizeBetween(3, 6);
      double sum = 0;
      for (Contract c : group) {
        assertThat(c.dispensa()).isTrue();
        assertThat(c.works()).isFalse();
        assertThat(c.initial()).as(label.line()).isLessThanOrEqualTo(c.limit());
        assertThat(c.signature().getYear()).isEqualTo(Integer.parseInt(label.period()));
        sum += c.initial();
      }
      assertThat(sum).as(label.line()).isGreaterThan(group.get(0).limit());
      assertThat(span(group)).isLessThanOrEqualTo(60);
    }
  }

  @Test
  void bunchedUnitYearsHaveMostDispensasJustBelowTheLimit() {
    for (AnomalyLabel label : of(AnomalyKind.BUNCHING)) {
      List<Contract> ofUnitYear =
          contracts.stream()
              .filter(c -> c.unit().equals(label.unitCode()) && c.dispensa() && !c.works())
              .filter(c -> Integer.toString(c.signature().getYear()).equals(label.period()))
              .toList();
      long justBelow =
          ofUnitYear.stream()
              .filter(c -> c.initial() >= 0.9 * c.limit() && c.initial() <= c.limit())
              .count();
      assertThat(justBelow).as(label.line()).isGreaterThanOrEqualTo(8);
      assertThat((double) justBelow / ofUnitYear.size()).as(label.line()).isGreaterThan(0.5);
      assertThat(members(label).stream().map(Contract::supplier).distinct().count())
          .isEqualTo(label.contractNumbers().size());
    }
  }

  @Test
  void concentratedUnitYearsHaveOneSupplierWithMostContracts() {
    for (AnomalyLabel label : of(AnomalyKind.SUPPLIER_CONCENTRATION)) {
      List<Contract> ofUnitYear = unitYear(label.unitCode(), Integer.parseInt(label.period()));
      long bySupplier =
          ofUnitYear.stream().filter(c -> c.supplier().equals(label.supplierId())).count();
      assertThat(bySupplier).isGreaterThanOrEqualTo(12);
      assertThat((double) bySupplier / ofUnitYear.size()).as(label.line()).isGreaterThan(0.6);
    }
  }

  @Test
  void spikesAreNonDecemberMonthsFarAboveTheUnitsUsualMonth() {
    for (AnomalyLabel label : of(AnomalyKind.TEMPORAL_SPIKE)) {
      YearMonth month = YearMonth.parse(label.period());
      assertThat(month.getMonthValue()).isNotEqualTo(12);
      Map<YearMonth, Long> counts =
          contracts.stream()
              .filter(c -> c.unit().equals(label.unitCode()))
              .collect(
                  Collectors.groupingBy(c -> YearMonth.from(c.signature()), Collectors.counting()));
      long[] others = new long[24];
      for (int m = 0; m < 24; m++) {
        YearMonth ym = YearMonth.of(2021, 1).plusMonths(m);
        others[m] = ym.equals(month) ? Long.MAX_VALUE : counts.getOrDefault(ym, 0L);
      }
      Arrays.sort(others);
      long median = others[11];
      assertThat(counts.get(month))
          .as(label.line())
          .isGreaterThanOrEqualTo(Math.max(10, 3 * median));
    }
  }

  @Test
  void duplicatesAreTheSameContractUnderTwoNumbers() {
    for (AnomalyLabel label : of(AnomalyKind.DUPLICATE_REGISTRATION)) {
      List<Contract> pair = members(label);
      assertThat(pair).hasSize(2);
      Contract a = pair.get(0);
      Contract b = pair.get(1);
      assertThat(a.number()).isNotEqualTo(b.number());
      assertThat(List.of(b.supplier(), b.signature(), b.initial(), b.object(), b.modality()))
          .isEqualTo(List.of(a.supplier(), a.signature(), a.initial(), a.object(), a.modality()));
    }
  }

  @Test
  void backgroundHasNoDuplicateRegistrations() {
    Set<String> seen = new HashSet<>();
    for (Contract c : contracts) {
      if (labelled.contains(c.key())) {
        continue;
      }
      String identity =
          String.join(
              "|",
              c.unit(),
              c.supplier(),
              c.signature().toString(),
              Double.toString(c.initial()),
              c.object());
      assertThat(seen.add(identity)).as("duplicate " + identity).isTrue();
    }
  }

  @Test
  void backgroundHasNoSplitLikeDispensas() {
    Map<String, List<Contract>> pieces = new HashMap<>();
    for (Contract c : contracts) {
      if (!labelled.contains(c.key())
          && c.dispensa()
          && c.initial() > 0
          && c.initial() <= c.limit()
          && !c.supplier().equals("-11")) {
        pieces
            .computeIfAbsent(
                c.unit() + c.supplier() + c.signature().getYear(), k -> new ArrayList<>())
            .add(c);
      }
    }
    for (List<Contract> group : pieces.values()) {
      assertThat(group).as(group.toString()).hasSize(1);
    }
  }

  @Test
  void backgroundHasNoConcentratedUnitYears() {
    Map<String, List<Contract>> byUnitYear =
        contracts.stream()
            .filter(c -> !labelled.contains(c.key()))
            .collect(Collectors.groupingBy(c -> c.unit() + "/" + c.signature().getYear()));
    for (List<Contract> unitYear : byUnitYear.values()) {
      if (unitYear.size() < 10) {
        continue;
      }
      long top =
          unitYear.stream()
              .collect(Collectors.groupingBy(Contract::supplier, Collectors.counting()))
              .values()
              .stream()
              .mapToLong(Long::longValue)
              .max()
              .orElse(0);
      assertThat((double) top / unitYear.size())
          .isLessThanOrEqualTo(BackgroundGuards.MAX_SUPPLIER_SHARE);
    }
  }

  @Test
  void backgroundAmendmentsStayWithinTheLawAndNoValueLooksSlippedOrOutlying() {
    Map<String, double[]> stats = robustStats(c -> c.superior() + "|" + c.modality());
    for (Contract c : contracts) {
      if (labelled.contains(c.key()) || c.initial() == 0) {
        continue;
      }
      double ratio = c.fin() / c.initial();
      if (!c.object().contains("CONTINUADO")) {
        double ceiling = c.object().contains("REFORMA") ? 0.5 : 0.25;
        assertThat(ratio - 1).as(c.toString()).isLessThanOrEqualTo(ceiling + 1e-6);
      }
      assertThat(ratio).isGreaterThanOrEqualTo(0.5).isLessThan(10);
      double[] s = stats.get(c.superior() + "|" + c.modality());
      if (s[2] >= MIN_SEGMENT) { // a few dozen values give no stable MAD
        assertThat(Math.abs(0.6745 * (Math.log(c.initial()) - s[0]) / s[1]))
            .as(c.toString())
            .isLessThan(3.5);
      }
      assertThat(c.initial()).isGreaterThan(1.0);
    }
  }

  @Test
  void decemberRisesEveryYear() {
    for (int year : new int[] {2021, 2022}) {
      int y = year;
      Map<Integer, Long> published =
          publishedPerMonth.entrySet().stream()
              .filter(e -> e.getKey().getYear() == y)
              .collect(Collectors.toMap(e -> e.getKey().getMonthValue(), Map.Entry::getValue));
      double others =
          published.entrySet().stream()
              .filter(e -> e.getKey() != 12)
              .mapToLong(Map.Entry::getValue)
              .average()
              .orElseThrow();
      assertThat(published.get(12))
          .as("published in December " + year)
          .isGreaterThan((long) (1.3 * others));
      List<Contract> signed = contracts.stream().filter(c -> c.signature().getYear() == y).toList();
      assertThat(
              medianLn(signed.stream().filter(c -> c.signature().getMonthValue() == 12).toList()))
          .as("December value level " + year)
          .isGreaterThan(
              medianLn(signed.stream().filter(c -> c.signature().getMonthValue() != 12).toList()));
    }
    Map<Integer, Long> signed2021 =
        contracts.stream()
            .filter(c -> c.signature().getYear() == 2021)
            .collect(
                Collectors.groupingBy(c -> c.signature().getMonthValue(), Collectors.counting()));
    double others =
        signed2021.entrySet().stream()
            .filter(e -> e.getKey() != 12 && e.getKey() != 1)
            .mapToLong(Map.Entry::getValue)
            .average()
            .orElseThrow();
    assertThat(signed2021.get(12))
        .as("signed in December 2021")
        .isGreaterThan((long) (1.2 * others));
  }

  @Test
  void brasiliaIsPricierThanTheNortheast() {
    Map<String, List<Contract>> byRegion =
        contracts.stream()
            .filter(c -> c.unitName().matches(".*/[A-Z]{2}$"))
            .collect(
                Collectors.groupingBy(
                    c -> {
                      String uf = c.unitName().substring(c.unitName().length() - 2);
                      return uf.equals("DF") ? "DF" : MacroRegion.of(uf);
                    }));
    assertThat(medianLn(byRegion.get("DF")) - medianLn(byRegion.get("NE"))).isGreaterThan(0.25);
  }

  private static List<Contract> unitYear(String unit, int year) {
    return contracts.stream()
        .filter(c -> c.unit().equals(unit) && c.signature().getYear() == year)
        .toList();
  }

  private static long span(List<Contract> group) {
    LocalDate first =
        group.stream().map(Contract::signature).min(LocalDate::compareTo).orElseThrow();
    LocalDate last =
        group.stream().map(Contract::signature).max(LocalDate::compareTo).orElseThrow();
    return ChronoUnit.DAYS.between(first, last);
  }

  private static double medianLn(List<Contract> group) {
    double[] ln =
        group.stream()
            .filter(c -> c.initial() > 0)
            .mapToDouble(c -> Math.log(c.initial()))
            .sorted()
            .toArray();
    return ln[ln.length / 2];
  }

  /** Median, MAD and count of ln(initial value) per segment, over non-zero values. */
  private static Map<String, double[]> robustStats(Function<Contract, String> segment) {
    Map<String, double[]> stats = new HashMap<>();
    Map<String, List<Contract>> bySegment =
        contracts.stream().filter(c -> c.initial() > 0).collect(Collectors.groupingBy(segment));
    bySegment.forEach(
        (m, list) -> {
          double[] ln = list.stream().mapToDouble(c -> Math.log(c.initial())).sorted().toArray();
          double median = ln[ln.length / 2];
          double[] dev = Arrays.stream(ln).map(x -> Math.abs(x - median)).sorted().toArray();
          stats.put(m, new double[] {median, dev[dev.length / 2], ln.length});
        });
    return stats;
  }
}
