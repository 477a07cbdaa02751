package org.sentinela.reporting.api.anomaly;

import java.util.Optional;
import org.sentinela.reporting.api.param.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anomalies of a published run (the latest unless {@code run} names another): a
 * keyset-paginated, filterable list and one by id.
 */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final PublishedAnomalies anomalies;

  AnomalyController(PublishedAnomalies anomalies) {
    this.anomalies = anomalies;
  }

  @GetMapping
  AnomalyPage list(
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String uf,
      @RequestParam(required = false) String detector,
      @RequestParam(required = false) String severity,
      @RequestParam(required = false) String municipality,
      @RequestParam(required = false) String buyer,
      @RequestParam(required = false) String supplier,
      @RequestParam(name = "min_score", required = false) String minScore,
      @RequestParam(name = "max_q_value", required = false) String maxQValue,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String run) {
    RequestParameters.limit(limit, MAX_LIMIT);
    AnomalyFilter filter =
        AnomalyFilter.of(
            new AnomalyFilter.Parameters(
                uf,
                detector,
                severity,
                municipality,
                buyer,
                supplier,
                minScore,
                maxQValue,
                from,
                to));
    return anomalies.page(filter, run, Optional.ofNullable(cursor), limit);
  }

  @GetMapping("/{id}")
  AnomalyView one(@PathVariable String id) {
    return anomalies.find(id).orElseThrow(() -> new AnomalyNotFoundException(id));
  }
}
