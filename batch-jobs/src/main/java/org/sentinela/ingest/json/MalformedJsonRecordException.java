package org.sentinela.ingest.json;

import org.springframework.batch.item.file.FlatFileParseException;

/**
 * A record of a JSON contract file that cannot be read: an element of the contract array that is
 * not an object, or JSON that breaks inside a record. The step skips it into the quarantine with
 * its raw text; the reader goes on after a non-object element and ends after broken JSON.
 *
 * <p>It extends {@link FlatFileParseException} on purpose: the ingest step's skip policy and
 * quarantine listener already treat that type as a malformed record ({@code getLineNumber()} is the
 * record index, {@code getInput()} the raw text).
 */
public class MalformedJsonRecordException extends FlatFileParseException {

  private static final long serialVersionUID = 1L;

  public MalformedJsonRecordException(String detail, String rawText, long recordIndex) {
    super(detail, rawText, Math.toIntExact(recordIndex));
  }

  /** The 1-based index of the record in the file's contract array. */
  public long recordIndex() {
    return getLineNumber();
  }

  /** The record's text as far as it could be read. */
  public String rawText() {
    return getInput();
  }
}
