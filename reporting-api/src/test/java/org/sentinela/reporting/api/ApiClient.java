package org.sentinela.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A plain HTTP client for the API under test: GET or POST a path, get status, headers, content type
 * and JSON.
 */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public ApiClient(int port) {
    this.port = port;
  }

  /** One answer of the API; {@code json} is null when the body is not JSON. */
  public record Answer(
      int status, String contentType, String text, JsonNode json, HttpHeaders headers) {}

  /**
   * GETs {@code pathAndQuery} (already encoded; see {@link #encode}) with the given headers (name,
   * value, name, value, …).
   */
  public Answer get(String pathAndQuery, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build(), "GET " + pathAndQuery);
  }

  /**
   * POSTs {@code body} to {@code path} with the given headers (name, value, name, value, …); a JSON
   * content type unless the headers set another.
   */
  public Answer post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!contentType) {
      request.header("Content-Type", "application/json");
    }
    return send(request.build(), "POST " + path);
  }

  private Answer send(HttpRequest request, String what) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
      return new Answer(
          response.statusCode(), contentType, response.body(), json, response.headers());
    } catch (IOException e) {
      throw new AssertionError(what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** A query parameter value, URL-encoded. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
