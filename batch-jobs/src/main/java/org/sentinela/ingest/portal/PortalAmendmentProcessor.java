package org.sentinela.ingest.portal;

import java.util.HashMap;
import java.util.Map;
import org.sentinela.ingest.SourceRecord;
import org.sentinela.model.AmendmentRecord;
import org.springframework.batch.item.ItemProcessor;

/**
 * Drops exact duplicate lines of one TermoAditivo file (returns null: counted as filtered) and
 * normalises the rest; a rejected row's exception makes the step skip it into the quarantine.
 * Processing the same line again (a chunk retried after a skip) gives the same answer.
 */
public class PortalAmendmentProcessor implements ItemProcessor<SourceRecord, AmendmentRecord> {

  private final PortalAmendmentNormaliser normaliser;
  private final Map<String, Integer> firstLineByHash = new HashMap<>();

  public PortalAmendmentProcessor(PortalAmendmentNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  @Override
  public AmendmentRecord process(SourceRecord record) {
    if (!(record instanceof PortalAmendmentRow row)) {
      throw new IllegalStateException(
          "a " + record.getClass().getSimpleName() + " reached the amendment processor");
    }
    String hash = PortalAmendmentNormaliser.recordHash(row);
    int firstLine = firstLineByHash.computeIfAbsent(hash, h -> row.lineNumber());
    if (firstLine != row.lineNumber()) {
      return null;
    }
    return normaliser.normalise(row, hash);
  }
}
