package org.sentinela.reporting.api.counts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** How many flags the latest published run has per signature month, buyer UF and detector. */
@RestController
class FlagCountsController {

  private final FlagCounts counts;

  FlagCountsController(FlagCounts counts) {
    this.counts = counts;
  }

  @GetMapping("/api/v1/flag-counts")
  FlagCountsView latest() {
    return counts.latest();
  }
}
