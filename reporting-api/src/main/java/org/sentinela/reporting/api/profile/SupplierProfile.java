package org.sentinela.reporting.api.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.sentinela.reporting.api.run.PublishedRun;

/**
 * A supplier's flags in the latest published run: totals, counts by detector and severity, and its
 * ten highest-scored flags. {@code supplier.id} is masked for a CPF; {@code name} is the name the
 * supplier appears under most often.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record SupplierProfile(
    PublishedRun run,
    FlagBrief.Supplier supplier,
    long buyerUnits,
    FlagTotals totals,
    List<DetectorCounts> byDetector,
    List<FlagBrief> topFlags) {}
