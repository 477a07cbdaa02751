package org.sentinela.reporting.api.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * Where the next page of a keyset-paginated list starts, as an opaque {@code cursor} parameter.
 *
 * <p>{@code run} is the published run the previous page came from (empty for lists that are not per
 * run), {@code filters} the {@link #fingerprint fingerprint} of the filters it was issued for, and
 * {@code after} the sort key of the previous page's last row, as strings. On the wire it is
 * URL-safe base64 (no padding) of {@code {"run":"…","filters":"…","after":["…",…]}}.
 */
public record KeysetCursor(String run, String filters, List<String> after) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 2048;
  private static final String RULE = "is not a cursor returned by this API";

  public KeysetCursor {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(filters, "filters");
    after = List.copyOf(after);
  }

  /** The cursor's wire form. */
  public String encode() {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(JSON.writeValueAsBytes(new Wire(run, filters, after)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a page cursor", e);
    }
  }

  /**
   * Parses a cursor's wire form, expecting {@code keys} sort-key values.
   *
   * @throws InvalidParameterException ({@code cursor}) for anything this API did not produce
   */
  public static KeysetCursor decode(String text, int keys) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw invalid(text);
    }
    Wire wire;
    try {
      wire = JSON.readValue(Base64.getUrlDecoder().decode(text), Wire.class);
    } catch (IllegalArgumentException | IOException e) {
      throw invalid(text);
    }
    if (wire == null
        || wire.run() == null
        || wire.filters() == null
        || wire.after() == null
        || wire.after().size() != keys
        || wire.after().contains(null)
        || hasControlCharacter(wire.run())
        || hasControlCharacter(wire.filters())
        || wire.after().stream().anyMatch(KeysetCursor::hasControlCharacter)) {
      throw invalid(text);
    }
    return new KeysetCursor(wire.run(), wire.filters(), wire.after());
  }

  /** The 400 for a cursor used with other filters than it was issued for. */
  public static InvalidParameterException issuedForOtherFilters(String wireForm) {
    return new InvalidParameterException(
        "cursor",
        wireForm,
        "was issued for different filters; pass the same filters on every page, or start again"
            + " without a cursor");
  }

  /**
   * A short, stable fingerprint of a request's filters: 16 URL-safe characters of the SHA-256 of
   * their canonical text (normalised values, fixed order), so a cursor carries no filter values.
   */
  public static String fingerprint(String canonicalFilters) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(canonicalFilters.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The 400 for a cursor this API did not produce. */
  public static InvalidParameterException invalid(String text) {
    return new InvalidParameterException("cursor", text, RULE);
  }

  /** PostgreSQL text cannot hold NUL, and nothing this API issues has control characters. */
  private static boolean hasControlCharacter(String value) {
    return value.chars().anyMatch(Character::isISOControl);
  }

  private record Wire(String run, String filters, List<String> after) {}
}
