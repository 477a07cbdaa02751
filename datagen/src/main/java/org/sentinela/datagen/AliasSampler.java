package org.sentinela.datagen;

import java.util.SplittableRandom;

/** Draws indices in proportion to fixed weights in constant time (Vose's alias method). */
final class AliasSampler {

  private final double[] probability;
  private final int[] alias;

  AliasSampler(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no weights");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("weights must be >= 0, got " + w);
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights add up to 0");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1.0) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int s = small[--smallCount];
      int l = large[--largeCount];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[smallCount++] = l;
      } else {
        large[largeCount++] = l;
      }
    }
    while (largeCount > 0) {
      probability[large[--largeCount]] = 1.0;
    }
    while (smallCount > 0) {
      probability[small[--smallCount]] = 1.0;
    }
  }

  int sample(SplittableRandom random) {
    int i = random.nextInt(probability.length);
    return random.nextDouble() < probability[i] ? i : alias[i];
  }
}
