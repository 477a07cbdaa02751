package org.sentinela.reporting.api.baseline;

/**
 * The levels spark-analytics builds baselines at ({@code baselines.level}), finest first. Mirrors
 * {@code org.sentinela.analytics.baseline.SegmentLevel}, which this module does not depend on.
 */
enum SegmentLevel {
  UF_MODALITY_ORGAN,
  UF_MODALITY,
  MACRO_MODALITY,
  MODALITY,
  NATIONAL
}
