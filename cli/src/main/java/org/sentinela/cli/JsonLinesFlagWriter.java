package org.sentinela.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * Flags as JSON Lines: one JSON object per line, keys as the CSV header. Score, p- and q-value are
 * numbers (null when absent); money is a string with the stored four decimals, as in the API, so no
 * reader rounds it through a double; dates and times are ISO-8601 strings.
 */
final class JsonLinesFlagWriter implements FlagWriter {

  private final JsonGenerator json;

  JsonLinesFlagWriter(Writer out) {
    try {
      this.json =
          new JsonFactory()
              .createGenerator(out)
              .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
              .setRootValueSeparator(null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void begin() {}

  @Override
  public void write(ExportedFlag flag) throws IOException {
    List<Object> values = flag.values();
    json.writeStartObject();
    for (int i = 0; i < values.size(); i++) {
      json.writeFieldName(ExportedFlag.COLUMNS.get(i));
      Object value = values.get(i);
      if (value == null) {
        json.writeNull();
      } else if (value instanceof Double d) {
        json.writeNumber(d);
      } else if (value instanceof BigDecimal b) {
        json.writeString(b.toPlainString());
      } else {
        json.writeString(value.toString());
      }
    }
    json.writeEndObject();
    json.writeRaw('\n');
  }

  @Override
  public void end() throws IOException {
    json.flush();
  }
}
