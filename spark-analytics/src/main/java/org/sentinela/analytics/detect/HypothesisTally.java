package org.sentinela.analytics.detect;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.sentinela.analytics.baseline.ScoringValues;
import org.sentinela.analytics.significance.EmpiricalTail;

/**
 * What a night tests before anything is flagged: per detector whose hypotheses are contracts, how
 * many it tests (the m of the q-values), and AMENDMENT_OVER_LIMIT's reference of growth / ceiling.
 * One pass over the scored contracts; each partition's tally is merged on the driver.
 *
 * @param tested hypotheses per detector name
 * @param amendmentReference the reference of {@link AmendmentOverLimitDetector#referenceShare}
 */
public record HypothesisTally(Map<String, Long> tested, EmpiricalTail amendmentReference)
    implements Serializable {

  public HypothesisTally {
    tested = new TreeMap<>(tested);
    Objects.requireNonNull(amendmentReference, "amendmentReference");
  }

  /** Counts what {@code detectors} test among the scored contracts of {@code valued}. */
  public static HypothesisTally of(Dataset<Row> valued, Detectors detectors) {
    MapPartitionsFunction<Row, HypothesisTally> perPartition =
        rows -> {
          long[] counts = new long[Detectors.CONTRACT_HYPOTHESES.size()];
          int amendment = Detectors.CONTRACT_HYPOTHESES.indexOf(AmendmentOverLimitDetector.NAME);
          AmendmentOverLimitDetector amendments = detectors.amendmentOverLimit();
          double from = amendments.reference().from();
          DoubleStream.Builder shares = DoubleStream.builder();
          while (rows.hasNext()) {
            ContractFacts contract = ContractFacts.of(rows.next());
            boolean[] tests = detectors.tests(contract);
            for (int d = 0; d < tests.length; d++) {
              counts[d] += tests[d] ? 1 : 0;
            }
            if (tests[amendment]) {
              double share = amendments.referenceShare(contract);
              if (share >= from) {
                shares.add(share);
              }
            }
          }
          Map<String, Long> tested = new TreeMap<>();
          for (int d = 0; d < counts.length; d++) {
            tested.put(Detectors.CONTRACT_HYPOTHESES.get(d), counts[d]);
          }
          EmpiricalTail reference =
              EmpiricalTail.of(from, counts[amendment], shares.build().toArray());
          return List.of(new HypothesisTally(tested, reference)).iterator();
        };
    List<HypothesisTally> partitions =
        valued
            .where(ScoringValues.isScored())
            .mapPartitions(perPartition, Encoders.javaSerialization(HypothesisTally.class))
            .collectAsList();
    HypothesisTally night = empty(detectors);
    for (HypothesisTally partition : partitions) {
      night = night.merge(partition);
    }
    return night;
  }

  /** Nothing tested yet. */
  static HypothesisTally empty(Detectors detectors) {
    Map<String, Long> none = new TreeMap<>();
    Detectors.CONTRACT_HYPOTHESES.forEach(name -> none.put(name, 0L));
    return new HypothesisTally(
        none, EmpiricalTail.of(detectors.amendmentOverLimit().reference().from(), 0));
  }

  /** Both tallies together. */
  public HypothesisTally merge(HypothesisTally other) {
    Map<String, Long> sum = new TreeMap<>(tested);
    other.tested.forEach((name, n) -> sum.merge(name, n, Long::sum));
    return new HypothesisTally(sum, amendmentReference.merge(other.amendmentReference));
  }

  /** Every hypothesis of every detector. */
  public long total() {
    return tested.values().stream().mapToLong(Long::longValue).sum();
  }
}
