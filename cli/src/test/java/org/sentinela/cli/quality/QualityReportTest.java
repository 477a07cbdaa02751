package org.sentinela.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sentinela.datagen.AnomalyKind;
import org.sentinela.datagen.AnomalyLabel;

/** The matching rules and the metrics on small hand-made sets, figures computed by hand. */
class QualityReportTest {

  private static final AnomalyLabel OUTLIER =
      new AnomalyLabel(AnomalyKind.VALUE_OUTLIER, "100", "S1", "2022-03", List.of("72022"));
  private static final AnomalyLabel SLIP =
      new AnomalyLabel(AnomalyKind.IMPLAUSIBLE_VALUE, "100", "S2", "2022-05", List.of("92022"));
  private static final AnomalyLabel SPLIT =
      new AnomalyLabel(AnomalyKind.CONTRACT_SPLITTING, "200", "S3", "2022", List.of("1", "2", "3"));
  private static final AnomalyLabel BUNCH =
      new AnomalyLabel(AnomalyKind.BUNCHING, "300", "", "2021", List.of("5", "6", "7"));

  private static Flag flag(String detector, String unit, String number, double score, Double q) {
    return Flag.onContract(detector, unit, number, LocalDate.of(2022, 3, 1), score, q);
  }

  @Test
  void aFlagHitsALabelThroughItsContractItsEvidenceOrForAUnitLevelKindItsUnitAndPeriod() {
    assertThat(FlagMatcher.hits(flag("VALUE_OUTLIER", "100", "72022", 5, null), OUTLIER)).isTrue();
    // same contract number in another unit is another contract
    assertThat(FlagMatcher.hits(flag("VALUE_OUTLIER", "101", "72022", 5, null), OUTLIER)).isFalse();
    Flag viaEvidence =
        new Flag("CONTRACT_SPLITTING", "200", "99", null, 3, null, Set.of("2", "98"));
    assertThat(FlagMatcher.hits(viaEvidence, SPLIT)).isTrue();
    Flag unitFlag =
        new Flag("BUNCHING", "300", null, LocalDate.of(2021, 11, 30), 4, null, Set.of());
    assertThat(FlagMatcher.hits(unitFlag, BUNCH)).isTrue();
    Flag wrongYear = new Flag("BUNCHING", "300", null, LocalDate.of(2022, 1, 2), 4, null, Set.of());
    assertThat(FlagMatcher.hits(wrongYear, BUNCH)).isFalse();
    // another detector on the unit's year is not a hit without a shared contract
    Flag otherDetector =
        new Flag("TEMPORAL_SPIKE", "300", "42", LocalDate.of(2021, 5, 1), 4, null, Set.of());
    assertThat(FlagMatcher.hits(otherDetector, BUNCH)).isFalse();
  }

  @Test
  void recallCountsOnlyTheKindsOwnDetectorButPrecisionCountsAnyHit() {
    // a VALUE_OUTLIER flag on the ×1000 slip: a true positive, but the slip is not "found"
    Flag outlierOnSlip = flag("VALUE_OUTLIER", "100", "92022", 9, null);
    assertThat(FlagMatcher.hits(outlierOnSlip, SLIP)).isTrue();
    assertThat(FlagMatcher.finds(outlierOnSlip, SLIP)).isFalse();
    assertThat(FlagMatcher.finds(flag(NaiveRule.DETECTOR, "100", "92022", 9, null), SLIP)).isTrue();
  }

  @Test
  void precisionRecallF1AndPrecisionAtTopByHand() {
    List<AnomalyLabel> labels = List.of(OUTLIER, SLIP, SPLIT, BUNCH);
    List<Flag> flags =
        List.of(
            flag("VALUE_OUTLIER", "100", "72022", 6, 0.01), // TP, finds OUTLIER
            flag("VALUE_OUTLIER", "100", "92022", 9, 0.02), // TP, finds nothing
            flag("CONTRACT_SPLITTING", "200", "1", 3, 0.03), // TP, finds SPLIT
            flag("CONTRACT_SPLITTING", "200", "2", 3, 0.03), // TP, SPLIT again
            flag("VALUE_OUTLIER", "400", "1", 7, 0.5), // FP
            flag("DUPLICATE_REGISTRATION", "500", "1", 2, null)); // FP
    QualityReport report = QualityReport.of("Sentinela", labels, flags);

    assertThat(report.flags()).isEqualTo(6);
    assertThat(report.truePositives()).isEqualTo(4);
    assertThat(report.precision()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(report.labelsFound()).isEqualTo(2);
    assertThat(report.recall()).isCloseTo(0.5, within(1e-12));
    double p = 4.0 / 6;
    assertThat(report.f1()).isCloseTo(2 * p * 0.5 / (p + 0.5), within(1e-12));
    assertThat(report.kinds().get(AnomalyKind.VALUE_OUTLIER))
        .isEqualTo(new QualityReport.Count(1, 1));
    assertThat(report.kinds().get(AnomalyKind.IMPLAUSIBLE_VALUE))
        .isEqualTo(new QualityReport.Count(1, 0));
    assertThat(report.kinds().get(AnomalyKind.BUNCHING)).isEqualTo(new QualityReport.Count(1, 0));
    assertThat(report.kinds().get(AnomalyKind.TEMPORAL_SPIKE))
        .isEqualTo(new QualityReport.Count(0, 0));
    assertThat(report.detectors().get("VALUE_OUTLIER")).isEqualTo(new QualityReport.Count(3, 2));
    assertThat(report.detectors().get("CONTRACT_SPLITTING"))
        .isEqualTo(new QualityReport.Count(2, 2));
    assertThat(report.missed()).containsExactly(SLIP, BUNCH);
    assertThat(report.falsePositives()).extracting(Flag::unitCode).containsExactly("400", "500");
    // fewer than 100 flags: the whole ranking is the head
    assertThat(report.topRanked()).isEqualTo(6);
    assertThat(report.precisionAtTop()).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void precisionAtTopLooksAtTheHundredLowestQValuesThenHighestScores() {
    List<Flag> flags = new ArrayList<>();
    // 150 false positives with q = 0.5, 30 true positives with q = 0.01, 10 without a q-value
    for (int i = 0; i < 150; i++) {
      flags.add(flag("VALUE_OUTLIER", "900", "n" + i, 100, 0.5));
    }
    for (int i = 0; i < 30; i++) {
      flags.add(flag("VALUE_OUTLIER", "100", "72022", 1, 0.01));
    }
    for (int i = 0; i < 10; i++) {
      flags.add(flag("VALUE_OUTLIER", "100", "72022", 1000, null));
    }
    QualityReport report = QualityReport.of("Sentinela", List.of(OUTLIER), flags);

    assertThat(report.topRanked()).isEqualTo(100);
    assertThat(report.topTruePositives()).isEqualTo(30);
    assertThat(report.precisionAtTop()).isCloseTo(0.30, within(1e-12));
    assertThat(report.precision()).isCloseTo(40.0 / 190, within(1e-12));
    assertThat(report.recall()).isEqualTo(1.0);
  }

  @Test
  void thePrintoutListsTheFirstMissesPerKindAndTheFirstFalsePositivesPerDetector() {
    List<AnomalyLabel> labels = new ArrayList<>(List.of(SLIP, BUNCH));
    for (int i = 1; i <= 4; i++) {
      labels.add(
          new AnomalyLabel(AnomalyKind.VALUE_OUTLIER, "70" + i, "S7", "2022-0" + i, List.of("7")));
    }
    List<Flag> flags =
        List.of(
            flag("VALUE_OUTLIER", "400", "1", 7, 0.5),
            flag("VALUE_OUTLIER", "401", "1", 8, 0.2),
            flag("DUPLICATE_REGISTRATION", "500", "1", 2, null));
    QualityReport sentinela = QualityReport.of("Sentinela", labels, flags);
    QualityReport naive = QualityReport.of("naive rule", labels, List.of());

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    QualityReportPrinter.print(
        sentinela, naive, new PrintStream(printed, true, StandardCharsets.UTF_8));
    List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();

    List<String> misses = linesAfter(lines, "Sentinela's misses");
    assertThat(lines).anyMatch(l -> l.startsWith("Sentinela's misses") && l.endsWith(": 6"));
    assertThat(misses)
        .extracting(l -> l.split("\\s+")[0] + " " + l.replaceAll(".*unit (\\d+),.*", "$1"))
        .containsExactly(
            "VALUE_OUTLIER 701",
            "VALUE_OUTLIER 702",
            "VALUE_OUTLIER 703",
            "IMPLAUSIBLE_VALUE 100",
            "BUNCHING 300");
    assertThat(misses.get(3)).endsWith("unit 100, supplier S2, period 2022-05, contracts 92022");
    assertThat(misses.get(4)).endsWith("unit 300, supplier -, period 2021, contracts 5 6 7");

    List<String> falsePositives = linesAfter(lines, "Sentinela's false positives");
    assertThat(lines)
        .anyMatch(l -> l.startsWith("Sentinela's false positives") && l.endsWith(": 3"));
    // detectors in name order; within one, the ranking: the lower q-value first
    assertThat(falsePositives).hasSize(3);
    assertThat(falsePositives.get(0)).startsWith("DUPLICATE_REGISTRATION").contains("unit 500");
    assertThat(falsePositives.get(1)).startsWith("VALUE_OUTLIER").contains("unit 401");
    assertThat(falsePositives.get(2))
        .contains("unit 400, contract 1, signed 2022-03-01, score 7")
        .contains(", q 0");
  }

  /** The lines after the one starting with {@code heading}, up to the next blank line. */
  private static List<String> linesAfter(List<String> lines, String heading) {
    int start = 0;
    while (!lines.get(start).startsWith(heading)) {
      start++;
    }
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).isBlank()) {
      end++;
    }
    return lines.subList(start + 1, end);
  }

  @Test
  void theNaiveRuleFlagsAGlobalZAboveTwoAndAHalfOrAGrowthAboveHalf() {
    List<PortalRow> rows = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      rows.add(new PortalRow("1", "c" + i, LocalDate.of(2022, 1, 1), 1000, 1000 + i % 3));
    }
    rows.add(new PortalRow("1", "big", LocalDate.of(2022, 1, 1), 1_000_000, 1_000_000));
    rows.add(new PortalRow("1", "grown", LocalDate.of(2022, 1, 1), 1000, 1600));
    rows.add(new PortalRow("1", "zero", LocalDate.of(2022, 1, 1), 0, 900));

    List<Flag> flags = NaiveRule.flags(rows);

    assertThat(flags).extracting(Flag::contractNumber).containsExactlyInAnyOrder("big", "grown");
    assertThat(flags).allMatch(f -> f.detector().equals(NaiveRule.DETECTOR));
    assertThat(
            flags.stream().filter(f -> f.contractNumber().equals("big")).findFirst().get().score())
        .isGreaterThan(2.5);
  }

  @Test
  void aGeneratedLineIsReadWithItsUnitNumberDateAndValues() {
    String line =
        "\"712021\";\"Objeto: AQUISIÇÃO\";\"\";\"Pregão\";\"Não se aplica\";\"52000\";\"M\";"
            + "\"52131\";\"C\";\"188770\";\"ESCOLA\";\"12/12/2021\";\"13/12/2021\";\"15/12/2021\";"
            + "\"15/12/2022\";\"23576414000169\";\"BRASIL\";\"65173,1800\";\"70000,5000\";"
            + "\"000532021\";\"188770\";\"ESCOLA\";\"5\";\"Pregão\"";

    PortalRow row = PortalRow.parse(line);

    assertThat(row)
        .isEqualTo(
            new PortalRow("188770", "712021", LocalDate.of(2021, 12, 12), 65173.18, 70000.5));
  }
}
