package org.sentinela.ingest;

import java.nio.file.Path;
import org.sentinela.ingest.comprasgov.ComprasGovContractReader;
import org.sentinela.ingest.pncp.PncpContractReader;
import org.sentinela.ingest.portal.PortalAmendmentLineMapper;
import org.sentinela.ingest.portal.PortalAmendmentRow;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.ingest.portal.PortalComprasLineMapper;
import org.sentinela.ingest.portal.PortalComprasRow;
import org.sentinela.model.RecordSource;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;
import org.springframework.batch.item.file.builder.FlatFileItemReaderBuilder;

/** Reads one input file in its source's format, record by record, in constant memory. */
public class SourceRecordReader implements ItemStreamReader<SourceRecord> {

  private final ItemStreamReader<? extends SourceRecord> delegate;

  private SourceRecordReader(ItemStreamReader<? extends SourceRecord> delegate) {
    this.delegate = delegate;
  }

  /**
   * The reader of a file of {@code source}.
   *
   * @param zipEntry the entry read inside a zip archive, or null
   * @param fileName the file's name for lineage ({@code 202101.zip!202101_Compras.csv})
   */
  public static SourceRecordReader of(
      RecordSource source, Path file, String zipEntry, String fileName) {
    return new SourceRecordReader(
        switch (source) {
          case PORTAL_COMPRAS ->
              new FlatFileItemReaderBuilder<PortalComprasRow>()
                  .name("portalComprasReader")
                  .resource(InputFiles.resource(file, zipEntry))
                  .encoding(PortalComprasFormat.CHARSET.name())
                  .linesToSkip(1)
                  .lineMapper(new PortalComprasLineMapper(fileName))
                  .saveState(false)
                  .strict(true)
                  .build();
          case PORTAL_TERMO_ADITIVO ->
              new FlatFileItemReaderBuilder<PortalAmendmentRow>()
                  .name("portalAmendmentReader")
                  .resource(InputFiles.resource(file, zipEntry))
                  .encoding(PortalComprasFormat.CHARSET.name())
                  .linesToSkip(1)
                  .lineMapper(new PortalAmendmentLineMapper(fileName))
                  .saveState(false)
                  .strict(true)
                  .build();
          case PNCP -> new PncpContractReader(file);
          case CONTRATOS_GOV_BR -> new ComprasGovContractReader(file);
        });
  }

  @Override
  public SourceRecord read() throws Exception {
    return delegate.read();
  }

  @Override
  public void open(ExecutionContext executionContext) {
    delegate.open(executionContext);
  }

  @Override
  public void update(ExecutionContext executionContext) {
    delegate.update(executionContext);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
