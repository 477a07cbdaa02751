package org.sentinela.reporting.api.anomaly;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.sentinela.reporting.api.anomaly.AnomalyPageCache.SerializedPage;
import org.sentinela.reporting.api.param.QueryParameters;
import org.sentinela.reporting.api.param.ReadsParameters;
import org.sentinela.reporting.api.param.RequestParameters;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
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

  /**
   * The parameters are read from the servlet request ({@link QueryParameters}), not bound one by
   * one with {@code @RequestParam}: on a cached page that binding was a large share of the CPU and
   * memory a request cost.
   */
  @GetMapping
  @ReadsParameters(
      query = {
        "limit",
        "cursor",
        "run",
        "uf",
        "detector",
        "severity",
        "municipality",
        "buyer",
        "supplier",
        "min_score",
        "max_q_value",
        "from",
        "to"
      },
      headers = HttpHeaders.IF_NONE_MATCH)
  ResponseEntity<byte[]> list(HttpServletRequest request) {
    QueryParameters parameters = QueryParameters.of(request);
    int limit = RequestParameters.limit(parameters.integer("limit", DEFAULT_LIMIT), MAX_LIMIT);
    String cursor = parameters.text("cursor");
    String run = parameters.text("run");
    AnomalyFilter filter =
        AnomalyFilter.of(
            new AnomalyFilter.Parameters(
                parameters.text("uf"),
                parameters.text("detector"),
                parameters.text("severity"),
                parameters.text("municipality"),
                parameters.text("buyer"),
                parameters.text("supplier"),
                parameters.text("min_score"),
                parameters.text("max_q_value"),
                parameters.text("from"),
                parameters.text("to")));
    String query = filter.canonical() + "\nlimit=" + limit + "\ncursor=" + cursor + "\nrun=" + run;
    SerializedPage page =
        pages.page(
            query, run, () -> anomalies.page(filter, run, Optional.ofNullable(cursor), limit));
    if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), page.etag())) {
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
