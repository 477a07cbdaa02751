package org.sentinela.ingest.pncp;

import java.nio.file.Path;
import java.util.List;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.JsonSlices;

/** The committed slice of real PNCP records (see SLICE.md next to it for each record's origin). */
final class PncpSlice {

  static final Path FILE = JsonSlices.resource(PncpSlice.class, "contratos-slice.json");
  static final int SIZE = 52;
  private static List<JsonRecord> records;

  private PncpSlice() {}

  /** All records of the slice, read once with the real reader. */
  static synchronized List<JsonRecord> records() {
    if (records == null) {
      records = JsonSlices.readAll(new PncpContractReader(FILE));
    }
    return records;
  }

  /** The record at a 1-based slice index. */
  static JsonRecord record(int index) {
    return records().get(index - 1);
  }
}
