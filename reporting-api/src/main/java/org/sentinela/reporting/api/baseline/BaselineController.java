package org.sentinela.reporting.api.baseline;

import java.util.List;
import java.util.Optional;
import org.sentinela.reporting.api.param.RequestParameters;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The segment baselines of the latest published run, filterable and keyset-paginated, and one
 * segment's baseline across every published run.
 */
@RestController
@RequestMapping("/api/v1/baselines")
class BaselineController {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;

  private final CurrentBaselines baselines;
  private final BaselineHistories histories;

  BaselineController(CurrentBaselines baselines, BaselineHistories histories) {
    this.baselines = baselines;
    this.histories = histories;
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

  @GetMapping("/history")
  BaselineHistory history(@RequestParam String level, @RequestParam String segment) {
    String upperLevel = RequestParameters.segmentLevel(level);
    RequestParameters.segmentKey(segment);
    List<BaselineHistory.Point> points = histories.of(upperLevel, segment);
    if (points.isEmpty()) {
      throw new NotFoundException(
              "Segment not found",
              "No baseline of segment '"
                  + segment
                  + "' at level "
                  + upperLevel
                  + " in any published run.",
              "segment_key",
              segment)
          .parameter("segment");
    }
    return new BaselineHistory(upperLevel, segment, points);
  }
}
