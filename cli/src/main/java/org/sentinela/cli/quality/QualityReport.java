package org.sentinela.cli.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sentinela.datagen.AnomalyKind;
import org.sentinela.datagen.AnomalyLabel;

/**
 * Precision and recall of one set of flags against the labels.
 *
 * @param name what raised the flags ("Sentinela", "naive rule")
 * @param kinds per label kind: injected, found
 * @param detectors per detector: flags, true positives
 * @param labels labels in all
 * @param labelsFound labels found (by their kind's detector)
 * @param flags flags in all
 * @param truePositives flags that hit any label
 * @param topRanked how many flags the top of the ranking held (at most {@link #TOP})
 * @param topTruePositives true positives among them
 * @param missed the labels not found, in label order
 * @param falsePositives the flags that hit no label, in {@link #RANKING} order
 */
public record QualityReport(
    String name,
    Map<AnomalyKind, Count> kinds,
    Map<String, Count> detectors,
    int labels,
    int labelsFound,
    int flags,
    int truePositives,
    int topRanked,
    int topTruePositives,
    List<AnomalyLabel> missed,
    List<Flag> falsePositives) {

  /** The size of the ranking head that precision@k looks at. */
  public static final int TOP = 100;

  /** Ranking: q-value ascending (absent last), then score descending. */
  public static final Comparator<Flag> RANKING =
      Comparator.comparing((Flag f) -> f.qValue() == null ? Double.POSITIVE_INFINITY : f.qValue())
          .thenComparing(Flag::score, Comparator.reverseOrder());

  /**
   * Two figures: {@code total} (injected labels, or flags) and {@code hit} (labels found, or true
   * positives).
   */
  public record Count(int total, int hit) {
    /** hit / total, 0 when there is nothing. */
    public double ratio() {
      return total == 0 ? 0 : (double) hit / total;
    }
  }

  public QualityReport {
    kinds = Map.copyOf(kinds);
    detectors = Map.copyOf(detectors);
    missed = List.copyOf(missed);
    falsePositives = List.copyOf(falsePositives);
  }

  /** Matches {@code flags} against {@code labels} with {@link FlagMatcher}. */
  public static QualityReport of(String name, List<AnomalyLabel> labels, List<Flag> flags) {
    Map<String, List<AnomalyLabel>> byUnit = new HashMap<>();
    for (AnomalyLabel label : labels) {
      byUnit.computeIfAbsent(label.unitCode(), u -> new ArrayList<>()).add(label);
    }
    Map<AnomalyKind, int[]> kinds = new TreeMap<>();
    for (AnomalyKind kind : AnomalyKind.values()) {
      kinds.put(kind, new int[2]);
    }
    java.util.Set<AnomalyLabel> found = new java.util.HashSet<>();
    Map<String, int[]> detectors = new TreeMap<>();
    Map<Flag, Boolean> truePositive = new java.util.IdentityHashMap<>();
    int truePositives = 0;
    for (Flag flag : flags) {
      boolean hit = false;
      for (AnomalyLabel label : byUnit.getOrDefault(flag.unitCode(), List.of())) {
        if (FlagMatcher.hits(flag, label)) {
          hit = true;
          if (FlagMatcher.finds(flag, label)) {
            found.add(label);
          }
        }
      }
      truePositive.put(flag, hit);
      int[] d = detectors.computeIfAbsent(flag.detector(), k -> new int[2]);
      d[0]++;
      if (hit) {
        d[1]++;
        truePositives++;
      }
    }
    for (AnomalyLabel label : labels) {
      int[] k = kinds.get(label.kind());
      k[0]++;
      if (found.contains(label)) {
        k[1]++;
      }
    }
    List<Flag> top = flags.stream().sorted(RANKING).limit(TOP).toList();
    int topTruePositives = (int) top.stream().filter(truePositive::get).count();
    List<AnomalyLabel> missed = labels.stream().filter(l -> !found.contains(l)).toList();
    List<Flag> falsePositives =
        flags.stream().filter(f -> !truePositive.get(f)).sorted(RANKING).toList();
    return new QualityReport(
        name,
        counts(kinds),
        counts(detectors),
        labels.size(),
        found.size(),
        flags.size(),
        truePositives,
        top.size(),
        topTruePositives,
        missed,
        falsePositives);
  }

  private static <K> Map<K, Count> counts(Map<K, int[]> raw) {
    Map<K, Count> counts = new HashMap<>();
    raw.forEach((k, v) -> counts.put(k, new Count(v[0], v[1])));
    return counts;
  }

  /** True positives / flags (0 without flags). */
  public double precision() {
    return flags == 0 ? 0 : (double) truePositives / flags;
  }

  /** Labels found / labels (0 without labels). */
  public double recall() {
    return labels == 0 ? 0 : (double) labelsFound / labels;
  }

  /** Harmonic mean of precision and recall (0 when both are 0). */
  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** True positives among the first {@link #TOP} flags of {@link #RANKING} / {@link #TOP}. */
  public double precisionAtTop() {
    return topRanked == 0 ? 0 : (double) topTruePositives / topRanked;
  }
}
