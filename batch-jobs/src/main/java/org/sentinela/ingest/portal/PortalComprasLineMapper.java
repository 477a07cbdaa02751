package org.sentinela.ingest.portal;

import java.util.Arrays;
import org.springframework.batch.item.file.LineMapper;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;

/** Splits a Compras line into a {@link PortalComprasRow}, keeping the raw line for lineage. */
public final class PortalComprasLineMapper implements LineMapper<PortalComprasRow> {

  private final String fileName;
  private final DelimitedLineTokenizer tokenizer;

  public PortalComprasLineMapper(String fileName) {
    this.fileName = fileName;
    this.tokenizer = new DelimitedLineTokenizer(String.valueOf(PortalComprasFormat.SEPARATOR));
    tokenizer.setQuoteCharacter(PortalComprasFormat.QUOTE);
    tokenizer.setStrict(true);
    tokenizer.setNames(
        PortalComprasFormat.COLUMNS.stream().map(c -> "c" + c.hashCode()).toArray(String[]::new));
  }

  @Override
  public PortalComprasRow mapLine(String line, int lineNumber) {
    String[] values = tokenizer.tokenize(stripCarriageReturn(line)).getValues();
    return new PortalComprasRow(fileName, lineNumber, line, Arrays.asList(values));
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
