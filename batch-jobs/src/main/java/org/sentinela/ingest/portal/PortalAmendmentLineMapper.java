package org.sentinela.ingest.portal;

import java.util.Arrays;
import org.springframework.batch.item.file.LineMapper;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;

/** Splits a TermoAditivo line into a {@link PortalAmendmentRow}, keeping the raw line. */
public final class PortalAmendmentLineMapper implements LineMapper<PortalAmendmentRow> {

  private final String fileName;
  private final DelimitedLineTokenizer tokenizer;

  public PortalAmendmentLineMapper(String fileName) {
    this.fileName = fileName;
    this.tokenizer = new DelimitedLineTokenizer(String.valueOf(PortalComprasFormat.SEPARATOR));
    tokenizer.setQuoteCharacter(PortalComprasFormat.QUOTE);
    tokenizer.setStrict(true);
    tokenizer.setNames(
        PortalAmendmentFormat.COLUMNS.stream().map(c -> "c" + c.hashCode()).toArray(String[]::new));
  }

  @Override
  public PortalAmendmentRow mapLine(String line, int lineNumber) {
    String unterminated = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    String[] values = tokenizer.tokenize(unterminated).getValues();
    return new PortalAmendmentRow(fileName, lineNumber, line, Arrays.asList(values));
  }
}
