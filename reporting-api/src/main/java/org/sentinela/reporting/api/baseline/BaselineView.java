package org.sentinela.reporting.api.baseline;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One segment's baseline: how many contracts it holds and the robust statistics of ln(final value)
 * the detectors compare against. {@code median_value} is {@code exp(median_log_value)}, the
 * segment's typical value in reais.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record BaselineView(
    String level,
    String segmentKey,
    String buyerUf,
    String modality,
    String superiorOrganCode,
    long contracts,
    double medianLogValue,
    double madLogValue,
    double p01LogValue,
    double p25LogValue,
    double p75LogValue,
    double p99LogValue,
    double medianValue) {}
