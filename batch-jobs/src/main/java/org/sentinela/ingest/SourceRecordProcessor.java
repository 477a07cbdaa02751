package org.sentinela.ingest;

import org.sentinela.ingest.comprasgov.ComprasGovNormaliser;
import org.sentinela.ingest.json.JsonContractProcessor;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.pncp.PncpNormaliser;
import org.sentinela.ingest.portal.PortalComprasNormaliser;
import org.sentinela.ingest.portal.PortalComprasProcessor;
import org.sentinela.ingest.portal.PortalComprasRow;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.RecordSource;
import org.springframework.batch.item.ItemProcessor;

/**
 * The processor of one input file's source: drops exact duplicates (null: counted as filtered) and
 * normalises the rest, throwing {@link RecordRejectedException} for the quarantine.
 */
public class SourceRecordProcessor implements ItemProcessor<SourceRecord, ContractRecord> {

  private final PortalComprasProcessor portal;
  private final JsonContractProcessor json;

  private SourceRecordProcessor(PortalComprasProcessor portal, JsonContractProcessor json) {
    this.portal = portal;
    this.json = json;
  }

  /** The processor of a file of {@code source}. */
  public static SourceRecordProcessor of(
      RecordSource source, String runId, RegionResolver regions) {
    return switch (source) {
      case PORTAL_COMPRAS ->
          new SourceRecordProcessor(
              new PortalComprasProcessor(new PortalComprasNormaliser(runId, regions)), null);
      case PNCP ->
          new SourceRecordProcessor(
              null, new JsonContractProcessor(new PncpNormaliser(runId, regions)));
      case CONTRATOS_GOV_BR ->
          new SourceRecordProcessor(
              null, new JsonContractProcessor(new ComprasGovNormaliser(runId, regions)));
      case PORTAL_TERMO_ADITIVO ->
          throw new IllegalArgumentException(
              "TermoAditivo files hold amendments, not contracts: PortalAmendmentProcessor reads"
                  + " them");
    };
  }

  @Override
  public ContractRecord process(SourceRecord record) {
    if (record instanceof PortalComprasRow row && portal != null) {
      return portal.process(row);
    }
    if (record instanceof JsonRecord json && this.json != null) {
      return this.json.process(json);
    }
    throw new IllegalStateException(
        "a " + record.getClass().getSimpleName() + " reached the processor of another source");
  }
}
