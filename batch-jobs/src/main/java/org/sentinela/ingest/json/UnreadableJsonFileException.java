package org.sentinela.ingest.json;

import org.springframework.batch.item.ItemStreamException;

/**
 * A file that cannot be read as a JSON contract file at all (not JSON, an HTML page, no contract
 * array, undecodable bytes): the whole file fails, with a message naming it and saying why.
 */
public class UnreadableJsonFileException extends ItemStreamException {

  private static final long serialVersionUID = 1L;

  public UnreadableJsonFileException(String message) {
    super(message);
  }

  public UnreadableJsonFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
