package org.sentinela.reporting.api.anomaly;

import java.util.Optional;
import org.sentinela.reporting.api.problem.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The anomalies of the latest published run: a keyset-paginated list and one by id. */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private final CurrentAnomalies anomalies;

  AnomalyController(CurrentAnomalies anomalies) {
    this.anomalies = anomalies;
  }

  @GetMapping
  AnomalyPage list(
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String uf,
      @RequestParam(required = false) String detector,
      @RequestParam(required = false) String severity) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException(
          "limit", Integer.toString(limit), "must be between 1 and " + MAX_LIMIT);
    }
    AnomalyFilter filter = AnomalyFilter.of(uf, detector, severity);
    Optional<PageCursor> after = Optional.ofNullable(cursor).map(PageCursor::decode);
    return anomalies.page(filter, after, limit);
  }

  @GetMapping("/{id}")
  AnomalyView one(@PathVariable String id) {
    return anomalies.find(id).orElseThrow(() -> new AnomalyNotFoundException(id));
  }
}
