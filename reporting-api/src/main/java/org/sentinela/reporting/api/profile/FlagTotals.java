package org.sentinela.reporting.api.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A supplier's or buyer's flags in one run: how many, by severity, the highest and summed scores,
 * and the contracts behind them. A contract flagged by several detectors counts once in {@code
 * flagged_contracts} and {@code flagged_value} (a decimal string, like every money field).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record FlagTotals(
    long flags,
    long low,
    long medium,
    long high,
    double maxScore,
    double scoreSum,
    long flaggedContracts,
    String flaggedValue) {}
