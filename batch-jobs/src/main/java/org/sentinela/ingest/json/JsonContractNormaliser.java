package org.sentinela.ingest.json;

import org.sentinela.model.ContractRecord;

/** Maps one raw JSON record of a source to the canonical contract record. */
public interface JsonContractNormaliser {

  /**
   * The canonical record, or a {@link org.sentinela.ingest.RecordRejectedException} saying why the
   * record must be quarantined.
   *
   * @param recordHash the record's {@link JsonRecord#sha256()}
   */
  ContractRecord normalise(JsonRecord record, String recordHash);
}
