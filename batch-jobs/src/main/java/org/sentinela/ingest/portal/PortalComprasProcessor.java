package org.sentinela.ingest.portal;

import org.sentinela.model.ContractRecord;
import org.springframework.batch.item.ItemProcessor;

/**
 * Drops exact duplicate lines of one file (returns null: counted as filtered) and normalises the
 * rest; a rejected row's exception makes the step skip it into the quarantine. Processing the same
 * line again (a chunk retried after a skip) gives the same answer.
 */
public class PortalComprasProcessor implements ItemProcessor<PortalComprasRow, ContractRecord> {

  private final PortalComprasNormaliser normaliser;
  private final FirstLines firstLines = new FirstLines();
  private final RecordHasher hasher = new RecordHasher();

  public PortalComprasProcessor(PortalComprasNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  @Override
  public ContractRecord process(PortalComprasRow row) {
    byte[] digest = hasher.sha256(row.rawLine());
    if (firstLines.firstLine(digest, row.lineNumber()) != row.lineNumber()) {
      return null;
    }
    return normaliser.normalise(row, RecordHasher.hex(digest));
  }
}
