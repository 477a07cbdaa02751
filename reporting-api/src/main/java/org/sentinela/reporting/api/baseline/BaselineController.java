package org.sentinela.reporting.api.baseline;

import java.util.Optional;
import org.sentinela.reporting.api.param.RequestParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The segment baselines of the latest published run, filterable and keyset-paginated. */
@RestController
@RequestMapping("/api/v1/baselines")
class BaselineController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private final CurrentBaselines baselines;

  BaselineController(CurrentBaselines baselines) {
    this.baselines = baselines;
  }

  @GetMapping
  BaselinePage list(
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String uf,
      @RequestParam(required = false) String modality,
      @RequestParam(required = false) String organ) {
    RequestParameters.limit(limit, MAX_LIMIT);
    BaselineFilter filter = BaselineFilter.of(level, uf, modality, organ);
    return baselines.page(filter, Optional.ofNullable(cursor), limit);
  }
}
