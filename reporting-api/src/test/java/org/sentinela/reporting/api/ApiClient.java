package org.sentinela.reporting.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A plain HTTP client for the API under test: GET a path, get status, content type and JSON. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public ApiClient(int port) {
    this.port = port;
  }

  /** One answer of the API; {@code json} is null when the body is not JSON. */
  public record Answer(int status, String contentType, String text, JsonNode json) {}

  /** GETs {@code pathAndQuery} (already encoded; see {@link #encode}). */
  public Answer get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = contentType.contains("json") ? JSON.readTree(response.body()) : null;
      return new Answer(response.statusCode(), contentType, response.body(), json);
    } catch (IOException e) {
      throw new AssertionError("GET " + pathAndQuery + " failed", e);
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
