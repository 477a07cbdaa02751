package org.sentinela.ingest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;

/** The exceptions a JSON contract reader throws, with messages that say where and what. */
final class JsonReadProblems {

  private JsonReadProblems() {}

  /**
   * A record where the JSON breaks; the reader cannot go on after it. Reads the rest of the input
   * to say how much of the file is left unread.
   *
   * @param start offset where the record's text begins (after the previous record)
   * @param position the parser's offset, used when the exception has no location
   */
  static MalformedJsonRecordException brokenRecord(
      String fileName,
      long index,
      RecordingReader text,
      long start,
      long position,
      JsonProcessingException e) {
    long errorAt = errorOffset(e) < 0 ? position : errorOffset(e);
    String raw = text.text(start, errorAt).strip();
    raw = raw.startsWith(",") ? raw.substring(1).strip() : raw;
    long unread;
    try {
      unread = text.nonBlankCharactersAfter(errorAt);
    } catch (IOException unreadableRest) {
      unread = -1;
    }
    String after =
        unread == 0
            ? "; the file ends there (truncated?)"
            : "; the rest of the file ("
                + (unread < 0 ? "unknown size" : unread + " non-blank characters")
                + ") cannot be read";
    return new MalformedJsonRecordException(
        fileName
            + " record "
            + index
            + ": broken JSON "
            + where(e)
            + e.getOriginalMessage()
            + after,
        raw,
        index);
  }

  /** A file whose start is not the expected JSON. */
  static UnreadableJsonFileException notJson(
      String fileName, String formatName, JsonProcessingException e) {
    return new UnreadableJsonFileException(
        fileName + " is not a " + formatName + " JSON file: " + where(e) + e.getOriginalMessage(),
        e);
  }

  /** A file that cannot be read or decoded. */
  static UnreadableJsonFileException unreadable(String fileName, Charset charset, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new UnreadableJsonFileException(
          fileName + " is not valid " + charset.name() + " text (is its charset declared right?)",
          e);
    }
    return new UnreadableJsonFileException("cannot read " + fileName + ": " + e.getMessage(), e);
  }

  /** The offset of the error in the input, or -1 when Jackson does not say. */
  private static long errorOffset(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null ? -1 : location.getCharOffset();
  }

  private static String where(JsonProcessingException e) {
    JsonLocation l = e.getLocation();
    return l == null ? "" : "at line " + l.getLineNr() + ", column " + l.getColumnNr() + ": ";
  }
}
