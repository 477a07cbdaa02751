package org.sentinela.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Moves a parser from the start of a file to the opening bracket of its contract array: the
 * top-level array itself, or the array in the named field of an envelope object such as PNCP's
 * {@code {"data": [...], "totalRegistros": ...}}. Other envelope fields are skipped.
 */
final class ContractArrayLocator {

  private ContractArrayLocator() {}

  /**
   * Positions the parser on the array's START_ARRAY token.
   *
   * @param envelopeField the envelope's array field, or null if the format has no envelope
   * @param skipped called after each skipped envelope field, so its text can be forgotten
   * @return true if an array was found; false for an envelope whose array field is JSON null
   * @throws UnreadableJsonFileException when the file has no contract array where expected
   */
  static boolean locate(
      JsonParser parser, String envelopeField, String fileName, String formatName, Runnable skipped)
      throws IOException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return true;
    }
    String expected = "an array of " + formatName + " contracts";
    if (first != JsonToken.START_OBJECT || envelopeField == null) {
      throw new UnreadableJsonFileException(
          fileName + " holds a JSON " + kind(first) + ", not " + expected);
    }
    for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals(envelopeField)) {
        if (value == JsonToken.START_ARRAY) {
          return true;
        }
        if (value == JsonToken.VALUE_NULL) {
          return false;
        }
        throw new UnreadableJsonFileException(
            fileName + ": '" + envelopeField + "' is a JSON " + kind(value) + ", not " + expected);
      }
      parser.skipChildren();
      skipped.run();
    }
    throw new UnreadableJsonFileException(
        fileName
            + " is a JSON object without a '"
            + envelopeField
            + "' array: neither "
            + expected
            + " nor a "
            + formatName
            + " envelope");
  }

  /** A token's kind in words: "object", "array", "string", "number", "boolean", "null". */
  static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT, END_OBJECT -> "object";
      case START_ARRAY, END_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }
}
