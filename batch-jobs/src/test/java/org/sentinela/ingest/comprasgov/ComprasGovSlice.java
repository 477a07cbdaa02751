package org.sentinela.ingest.comprasgov;

import java.nio.file.Path;
import java.util.List;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.JsonSlices;

/** The committed slice of real Contratos.gov.br records (see SLICE.md next to it). */
final class ComprasGovSlice {

  static final Path FILE = JsonSlices.resource(ComprasGovSlice.class, "contratos-slice.json");
  static final int SIZE = 32;
  private static List<JsonRecord> records;

  private ComprasGovSlice() {}

  /** All records of the slice, read once with the real reader. */
  static synchronized List<JsonRecord> records() {
    if (records == null) {
      records = JsonSlices.readAll(new ComprasGovContractReader(FILE));
    }
    return records;
  }

  /** The record at a 1-based slice index. */
  static JsonRecord record(int index) {
    return records().get(index - 1);
  }
}
