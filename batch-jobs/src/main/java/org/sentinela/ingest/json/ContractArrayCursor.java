package org.sentinela.ingest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Walks the elements of a contract array with Jackson's streaming parser, one at a time, cutting
 * each element's exact text out of the input by the parser's character offsets. Floating-point
 * numbers become {@link java.math.BigDecimal}. See {@link JsonContractReader} for the rules.
 */
final class ContractArrayCursor implements Closeable {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // The input stays open at its end, so that a broken file's unread rest can be counted.
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private final String fileName;
  private final RecordingReader text;
  private final JsonParser parser;
  private long nextIndex = 1;
  private boolean finished;

  /** Opens the cursor on the first element of the array; reads nothing past its bracket. */
  ContractArrayCursor(Reader input, String fileName, String formatName, String envelopeField)
      throws IOException {
    this.fileName = fileName;
    this.text = new RecordingReader(input);
    this.parser = MAPPER.createParser(text);
    Runnable forget = () -> text.forgetBefore(offset());
    finished = !ContractArrayLocator.locate(parser, envelopeField, fileName, formatName, forget);
    forget.run();
  }

  /**
   * The next record, or null after the last.
   *
   * @throws MalformedJsonRecordException for an element that is not an object (reading goes on) or
   *     for broken JSON (reading ends)
   */
  JsonRecord next() throws IOException {
    if (finished) {
      return null;
    }
    long index = nextIndex;
    long start = offset();
    try {
      JsonToken token = parser.nextToken();
      if (token == JsonToken.END_ARRAY || token == null) {
        finished = true;
        requireNothingAfterArray(index, token);
        return null;
      }
      nextIndex++;
      long valueStart = parser.currentTokenLocation().getCharOffset();
      if (token == JsonToken.START_OBJECT) {
        JsonNode fields = parser.readValueAsTree();
        return new JsonRecord(fileName, index, cut(valueStart), fields);
      }
      if (token.isStructStart()) {
        parser.skipChildren();
      } else {
        parser.getText(); // finishes a string token, so that the offset is after it
      }
      throw new MalformedJsonRecordException(
          fileName
              + " record "
              + index
              + " is a JSON "
              + ContractArrayLocator.kind(token)
              + ", not an object",
          cut(valueStart),
          index);
    } catch (JsonProcessingException e) {
      throw broken(index, start, e);
    }
  }

  /** After the array: an envelope's other fields are not needed; a plain array ends the file. */
  private void requireNothingAfterArray(long index, JsonToken token) throws IOException {
    if (token == null) {
      throw new MalformedJsonRecordException(
          fileName + ": the file ends inside the contract array (truncated?)", "", index);
    }
    if (parser.getParsingContext().inObject()) {
      return;
    }
    long end = offset();
    String shown = text.text(end, end + 200).strip();
    long rest = text.nonBlankCharactersAfter(end);
    if (rest > 0) {
      throw new MalformedJsonRecordException(
          fileName + ": " + rest + " non-blank characters after the contract array were not read",
          shown,
          index);
    }
  }

  private MalformedJsonRecordException broken(long index, long start, JsonProcessingException e) {
    finished = true;
    return JsonReadProblems.brokenRecord(fileName, index, text, start, offset(), e);
  }

  private String cut(long from) {
    long end = offset();
    String raw = text.text(from, end);
    text.forgetBefore(end);
    return raw;
  }

  private long offset() {
    return parser.currentLocation().getCharOffset();
  }

  /** Characters of input held for cutting raw text (for tests of the memory bound). */
  int heldCharacters() {
    return text.keptCharacters();
  }

  @Override
  public void close() throws IOException {
    try {
      parser.close();
    } finally {
      text.close();
    }
  }
}
