package org.sentinela.ingest.json;

import java.util.HashMap;
import java.util.Map;
import org.sentinela.model.ContractRecord;
import org.springframework.batch.item.ItemProcessor;

/**
 * Drops exact duplicate records of one file (returns null: counted as filtered) and normalises the
 * rest; a rejected record's exception makes the step skip it into the quarantine. Processing the
 * same record again (a chunk retried after a skip) gives the same answer. One per file and step.
 */
public class JsonContractProcessor implements ItemProcessor<JsonRecord, ContractRecord> {

  private final JsonContractNormaliser normaliser;
  private final Map<String, Long> firstIndexByHash = new HashMap<>();

  public JsonContractProcessor(JsonContractNormaliser normaliser) {
    this.normaliser = normaliser;
  }

  @Override
  public ContractRecord process(JsonRecord record) {
    String hash = record.sha256();
    long firstIndex = firstIndexByHash.computeIfAbsent(hash, h -> record.index());
    if (firstIndex != record.index()) {
      return null;
    }
    return normaliser.normalise(record, hash);
  }
}
