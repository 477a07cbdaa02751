package org.sentinela.ingest.metrics;

import io.prometheus.metrics.exporter.pushgateway.Scheme;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the ingest pushes its metrics: {@code SENTINELA_PUSHGATEWAY_URL}, an {@code http://} or
 * {@code https://} URL of a Prometheus Pushgateway such as {@code http://127.0.0.1:9091}. The run
 * pushes once, at its end, as job {@value #JOB} with grouping key {@code run_id}.
 *
 * @param url the Pushgateway's root URL
 */
public record PushgatewaySettings(URI url) {

  /** The environment variable that sets the URL. */
  public static final String VARIABLE = "SENTINELA_PUSHGATEWAY_URL";

  /** The Pushgateway job the ingest pushes as. */
  public static final String JOB = "sentinela_ingest";

  /** The grouping key that separates runs in the Pushgateway. */
  public static final String GROUPING_KEY = "run_id";

  public PushgatewaySettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme();
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw invalid(url, "an http:// or https:// URL");
    }
    if (url.getHost() == null) {
      throw invalid(url, "a URL with a host");
    }
    if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw invalid(url, "a URL without user, query or fragment");
    }
    if (!path.isEmpty() && !path.equals("/")) {
      throw invalid(url, "the Pushgateway's root URL (no path)");
    }
  }

  /** The settings from the environment: empty when {@link #VARIABLE} is unset or blank. */
  public static Optional<PushgatewaySettings> fromEnvironment(Map<String, String> env) {
    String value = env.get(VARIABLE);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(parse(value));
  }

  /** Parses a URL; the error names {@link #VARIABLE} and the bad value. */
  public static PushgatewaySettings parse(String value) {
    try {
      return new PushgatewaySettings(new URI(value.strip()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          VARIABLE
              + " must be an http:// or https:// URL such as http://127.0.0.1:9091, got '"
              + value
              + "' ("
              + e.getReason()
              + ")",
          e);
    }
  }

  /** {@code host:port} (or the host alone for the scheme's default port). */
  public String address() {
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  /** HTTP or HTTPS. */
  public Scheme scheme() {
    return url.getScheme().equals("https") ? Scheme.HTTPS : Scheme.HTTP;
  }

  private static IllegalArgumentException invalid(URI url, String expected) {
    return new IllegalArgumentException(
        VARIABLE + " must be " + expected + " such as http://127.0.0.1:9091, got '" + url + "'");
  }
}
