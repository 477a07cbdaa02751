package org.sentinela.reporting.api.run;

import java.util.Optional;
import org.sentinela.reporting.api.problem.InvalidParameterException;
import org.sentinela.reporting.api.problem.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Nightly runs, newest first, and one run's accounting, files and metrics. */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final RunHistory runs;

  RunController(RunHistory runs) {
    this.runs = runs;
  }

  @GetMapping
  RunPage list(
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) String cursor) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidParameterException(
          "limit", Integer.toString(limit), "must be between 1 and " + MAX_LIMIT);
    }
    return runs.page(Optional.ofNullable(cursor), limit);
  }

  @GetMapping("/{id}")
  RunDetail one(@PathVariable String id) {
    return runs.find(id)
        .orElseThrow(
            () -> new NotFoundException("Run not found", "No run '" + id + "'.", "run_id", id));
  }
}
