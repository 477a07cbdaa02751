package org.sentinela.reporting.api.feedback;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.sentinela.reporting.api.problem.InvalidFieldException;

/**
 * The body of a feedback POST, validated: {@code verdict} (required), {@code note} and {@code
 * analyst} (optional). A blank note is no note.
 */
record FeedbackRequest(Verdict verdict, String note, String analyst) {

  /** Longest note, in characters (Unicode code points). */
  static final int MAX_NOTE_LENGTH = 2000;

  private static final Set<String> FIELDS = Set.of("verdict", "note", "analyst");
  private static final String VERDICTS =
      Arrays.stream(Verdict.values())
          .map(v -> v.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));

  FeedbackRequest {
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Parses and validates a JSON body such as {@code {"verdict": "confirmed", "note": "…"}}.
   *
   * @throws InvalidFieldException naming the first field that is missing, unknown or wrong
   */
  static FeedbackRequest parse(byte[] body, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
    } catch (IOException e) {
      throw notAnObject();
    }
    if (root == null || !root.isObject()) {
      throw notAnObject();
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidFieldException(
            name, null, "is not a field of a verdict (verdict, note, analyst)");
      }
    }
    return new FeedbackRequest(
        verdict(root.get("verdict")), note(root.get("note")), analyst(root.get("analyst")));
  }

  private static InvalidFieldException notAnObject() {
    return new InvalidFieldException(
        null, null, "must be a JSON object such as {\"verdict\": \"confirmed\", \"note\": \"…\"}");
  }

  private static Verdict verdict(JsonNode node) {
    String rule = "must be one of " + VERDICTS;
    if (node == null || node.isNull()) {
      throw new InvalidFieldException("verdict", null, "is required and " + rule);
    }
    if (!node.isTextual()) {
      throw new InvalidFieldException("verdict", node.toString(), rule);
    }
    try {
      return Verdict.valueOf(node.textValue().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException("verdict", node.textValue(), rule);
    }
  }

  private static String note(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String rule =
        "must be a text of at most "
            + MAX_NOTE_LENGTH
            + " characters without control characters (line breaks and tabs are fine)";
    if (!node.isTextual()) {
      throw new InvalidFieldException("note", node.toString(), rule);
    }
    String note = node.textValue().strip();
    if (note.codePointCount(0, note.length()) > MAX_NOTE_LENGTH
        || note.chars()
            .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
      throw new InvalidFieldException("note", note, rule);
    }
    return note.isEmpty() ? null : note;
  }

  private static String analyst(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidFieldException("analyst", node.toString(), "must be a text");
    }
    return node.textValue();
  }
}
