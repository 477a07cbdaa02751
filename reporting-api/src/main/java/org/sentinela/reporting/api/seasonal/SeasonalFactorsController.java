package org.sentinela.reporting.api.seasonal;

import org.sentinela.reporting.api.param.RequestParameters;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The monthly seasonal factors of one segment in the latest published run. */
@RestController
@RequestMapping("/api/v1/seasonal-factors")
class SeasonalFactorsController {

  private final CurrentSeasonalFactors factors;

  SeasonalFactorsController(CurrentSeasonalFactors factors) {
    this.factors = factors;
  }

  @GetMapping
  SeasonalProfile profile(@RequestParam String level, @RequestParam String segment) {
    String upperLevel = RequestParameters.segmentLevel(level);
    RequestParameters.segmentKey(segment);
    return factors
        .of(upperLevel, segment)
        .orElseThrow(
            () ->
                new NotFoundException(
                        "Segment not found",
                        "No seasonal factors of segment '"
                            + segment
                            + "' at level "
                            + upperLevel
                            + " in the latest published run.",
                        "segment_key",
                        segment)
                    .parameter("segment"));
  }
}
