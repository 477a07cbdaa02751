package org.sentinela.ingest.portal;

import java.util.List;
import java.util.Objects;
import org.sentinela.ingest.SourceRecord;

/** One line of a TermoAditivo file split into its 10 raw fields, with where it came from. */
public record PortalAmendmentRow(
    String fileName, int lineNumber, String rawLine, List<String> fields) implements SourceRecord {

  public PortalAmendmentRow {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(rawLine, "rawLine");
    fields = List.copyOf(fields);
    if (fields.size() != PortalAmendmentFormat.COLUMNS.size()) {
      throw new IllegalArgumentException(
          "a TermoAditivo row has "
              + PortalAmendmentFormat.COLUMNS.size()
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
    int index = PortalAmendmentFormat.COLUMNS.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException("no TermoAditivo column named '" + column + "'");
    }
    return fields.get(index);
  }
}
