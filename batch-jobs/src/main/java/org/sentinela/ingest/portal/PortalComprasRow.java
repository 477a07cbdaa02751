package org.sentinela.ingest.portal;

import java.util.List;
import java.util.Objects;
import org.sentinela.ingest.SourceRecord;

/** One line of a Compras file split into its 24 raw fields, with where it came from. */
public record PortalComprasRow(String fileName, int lineNumber, String rawLine, List<String> fields)
    implements SourceRecord {

  public PortalComprasRow {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(rawLine, "rawLine");
    fields = List.copyOf(fields);
    if (fields.size() != PortalComprasFormat.COLUMNS.size()) {
      throw new IllegalArgumentException(
          "a Compras row has "
              + PortalComprasFormat.COLUMNS.size()
              + " fields, got "
              + fields.size());
    }
  }

  @Override
  public long recordNumber() {
    return lineNumber;
  }

  @Override
  public String rawText() {
    return rawLine;
  }

  /** The raw text of a column, by its header name. */
  public String field(String column) {
    int index = PortalComprasFormat.COLUMNS.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no Compras column named '" + column + "'");
    }
    return fields.get(index);
  }
}
