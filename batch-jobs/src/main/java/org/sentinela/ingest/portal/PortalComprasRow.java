package org.sentinela.ingest.portal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.sentinela.ingest.SourceRecord;

/** One line of a Compras file split into its 24 raw fields, with where it came from. */
public record PortalComprasRow(String fileName, int lineNumber, String rawLine, List<String> fields)
    implements SourceRecord {

  private static final Map<String, Integer> INDEX_BY_COLUMN =
      IntStream.range(0, PortalComprasFormat.COLUMNS.size())
          .boxed()
          .collect(Collectors.toUnmodifiableMap(PortalComprasFormat.COLUMNS::get, i -> i));

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

  /**
   * Hashes the lineage only: Spring Batch keys its retry state by item, and hashing the whole raw
   * line and fields for every item costs more than the line's parsing. Equal rows still hash
   * equally.
   */
  @Override
  public int hashCode() {
    return 31 * fileName.hashCode() + lineNumber;
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
    return fields.get(columnIndex(column));
  }

  /** The raw text of a column, by its {@link #columnIndex(String)}: no name lookup per row. */
  public String field(int columnIndex) {
    return fields.get(columnIndex);
  }

  /** The position of a column, by its header name, in {@link PortalComprasFormat#COLUMNS}. */
  public static int columnIndex(String column) {
    Integer index = INDEX_BY_COLUMN.get(column);
    if (index == null) {
      throw new IllegalArgumentException("no Compras column named '" + column + "'");
    }
    return index;
  }
}
