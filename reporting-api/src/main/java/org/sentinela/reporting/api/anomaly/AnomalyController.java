package org.sentinela.reporting.api.anomaly;

import java.util.Optional;
import org.sentinela.reporting.api.anomaly.AnomalyPageCache.SerializedPage;
import org.sentinela.reporting.api.param.RequestParameters;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anomalies of a published run (the latest unless {@code run} names another): a
 * keyset-paginated, filterable list and one by id. List pages come from {@link AnomalyPageCache}
 * when they can, carry an {@code ETag}, and answer {@code If-None-Match} with 304.
 */
@RestController
@RequestMapping("/api/v1/anomalies")
class AnomalyController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  /** Clients may keep a page but must revalidate it (a new run may be published at any time). */
  private static final CacheControl REVALIDATE = CacheControl.noCache();

  private final PublishedAnomalies anomalies;
  private final AnomalyPageCache pages;

  AnomalyController(PublishedAnomalies anomalies, AnomalyPageCache pages) {
    this.anomalies = anomalies;
    this.pages = pages;
  }

  @GetMapping
  ResponseEntity<byte[]> list(
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
      @RequestParam(required = false) String run,
      @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
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
    String query = filter.canonical() + "\nlimit=" + limit + "\ncursor=" + cursor + "\nrun=" + run;
    SerializedPage page =
        pages.page(
            query, run, () -> anomalies.page(filter, run, Optional.ofNullable(cursor), limit));
    if (matches(ifNoneMatch, page.etag())) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
          .eTag(page.etag())
          .cacheControl(REVALIDATE)
          .build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .eTag(page.etag())
        .cacheControl(REVALIDATE)
        .body(page.body());
  }

  @GetMapping("/{id}")
  AnomalyView one(@PathVariable String id) {
    return anomalies.find(id).orElseThrow(() -> new AnomalyNotFoundException(id));
  }

  /** Whether an {@code If-None-Match} header names this entity tag (weakly compared) or is *. */
  private static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.strip();
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals("*") || candidate.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
