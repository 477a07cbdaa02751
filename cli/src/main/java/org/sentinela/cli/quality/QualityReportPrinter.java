package org.sentinela.cli.quality;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sentinela.datagen.AnomalyKind;
import org.sentinela.datagen.AnomalyLabel;

/** Prints Sentinela's report beside the naive rule's as plain-text tables. */
public final class QualityReportPrinter {

  /** How many misses and false positives to show per kind or detector. */
  static final int EXAMPLES = 3;

  private QualityReportPrinter() {}

  /**
   * Prints recall per kind, precision per detector, overall figures, the ratio of F1s, then a few
   * of Sentinela's misses and false positives.
   */
  public static void print(QualityReport sentinela, QualityReport naive, PrintStream out) {
    out.printf(
        "%nRecall per injected kind (a label is found by its own detector's flags;"
            + " any naive flag counts)%n");
    out.printf(
        "%-24s %8s %10s %8s %10s %8s%n", "kind", "injected", "found", "recall", "naive", "recall");
    for (AnomalyKind kind : AnomalyKind.values()) {
      QualityReport.Count s = sentinela.kinds().get(kind);
      QualityReport.Count n = naive.kinds().get(kind);
      out.printf(
          "%-24s %8d %10d %8.3f %10d %8.3f%n",
          kind, s.total(), s.hit(), s.ratio(), n.hit(), n.ratio());
    }
    out.printf("%nPrecision per detector (a true positive hits any label)%n");
    out.printf("%-24s %8s %10s %10s%n", "detector", "flags", "true pos.", "precision");
    Map<String, QualityReport.Count> detectors = new TreeMap<>(sentinela.detectors());
    detectors.putAll(naive.detectors());
    detectors.forEach(
        (detector, c) ->
            out.printf("%-24s %8d %10d %10.3f%n", detector, c.total(), c.hit(), c.ratio()));
    out.printf(
        "%n%-12s %8s %8s %10s %8s %8s %8s %8s%n",
        "overall", "flags", "labels", "found", "precision", "recall", "F1", "P@100");
    for (QualityReport r : new QualityReport[] {sentinela, naive}) {
      out.printf(
          "%-12s %8d %8d %10d %8.3f %8.3f %8.3f %8.3f%n",
          r.name(),
          r.flags(),
          r.labels(),
          r.labelsFound(),
          r.precision(),
          r.recall(),
          r.f1(),
          r.precisionAtTop());
    }
    out.printf("%nF1 ratio Sentinela / naive rule: %s%n", ratio(sentinela.f1(), naive.f1()));
    out.printf(
        "P@100 ranks by q-value ascending (absent last), then score descending;"
            + " the naive rule has no q-values, so it ranks by its z.%n");
    printExamples(
        "Sentinela's misses (at most " + EXAMPLES + " per kind; labels.csv holds them all)",
        sentinela.missed(),
        AnomalyLabel::kind,
        label ->
            String.format(
                "%-24s unit %s, supplier %s, period %s, contracts %s",
                label.kind(),
                label.unitCode(),
                label.supplierId().isEmpty() ? "-" : label.supplierId(),
                label.period(),
                String.join(" ", label.contractNumbers())),
        out);
    printExamples(
        "Sentinela's false positives (at most " + EXAMPLES + " per detector, in ranking order)",
        sentinela.falsePositives(),
        Flag::detector,
        flag ->
            String.format(
                "%-24s unit %s, contract %s, signed %s, score %.2f, q %s",
                flag.detector(),
                flag.unitCode(),
                flag.contractNumber() == null ? "-" : flag.contractNumber(),
                flag.signatureDate() == null ? "-" : flag.signatureDate(),
                flag.score(),
                flag.qValue() == null ? "-" : String.format("%.2g", flag.qValue())),
        out);
  }

  /**
   * The heading with the count of {@code items}, then one line for each of the first {@link
   * #EXAMPLES} items of each group (groups in key order, items in list order).
   */
  private static <T, K extends Comparable<K>> void printExamples(
      String heading,
      List<T> items,
      Function<T, K> group,
      Function<T, String> line,
      PrintStream out) {
    out.printf("%n%s: %d%n", heading, items.size());
    items.stream()
        .collect(Collectors.groupingBy(group, TreeMap::new, Collectors.toList()))
        .values()
        .forEach(list -> list.stream().limit(EXAMPLES).map(line).forEach(out::println));
  }

  private static String ratio(double a, double b) {
    return b == 0
        ? (a == 0 ? "n/a (both 0)" : "infinite (naive F1 is 0)")
        : String.format("%.2f", a / b);
  }
}
