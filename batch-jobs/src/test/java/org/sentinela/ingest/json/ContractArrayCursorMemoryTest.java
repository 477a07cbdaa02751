package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import org.junit.jupiter.api.Test;

/** The cursor streams: what it holds stays at about one record however long the input is. */
class ContractArrayCursorMemoryTest {

  private static final String RECORD =
      "{\"numeroControlePNCP\": \"07954480000179-2-018042/2026\", \"valorGlobal\": 3544.95, "
          + "\"objetoContrato\": \"MATERIAL DE LIMPEZA E PRODUÇÃO DE HIGIENIZAÇÃO\", "
          + "\"unidadeOrgao\": {\"ufSigla\": \"CE\", \"codigoIbge\": \"2301604\"}}";

  @Test
  void holdsAboutOneRecordWhileStreamingSixtyMegabytes() throws IOException {
    int records = 300_000;
    long maxHeld = 0;
    long count = 0;
    try (ContractArrayCursor cursor =
        new ContractArrayCursor(new GeneratedArray(records), "big.json", "TEST", null)) {
      for (JsonRecord r = cursor.next(); r != null; r = cursor.next()) {
        count++;
        maxHeld = Math.max(maxHeld, cursor.heldCharacters());
        if (count == records) {
          assertThat(r.rawJson()).isEqualTo(RECORD);
        }
      }
    }
    assertThat(count).isEqualTo(records);
    assertThat((long) records * RECORD.length()).isGreaterThan(60_000_000L);
    assertThat(maxHeld).isLessThan(64 * 1024);
  }

  /** "[" + n records separated by ", " + "]", produced on demand (never in memory whole). */
  private static final class GeneratedArray extends Reader {
    private final int records;
    private int produced;
    private String pending = "[";
    private int position;

    GeneratedArray(int records) {
      this.records = records;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == pending.length()) {
        if (produced > records) {
          return -1;
        }
        pending = produced == records ? "]" : (produced == 0 ? "" : ", ") + RECORD;
        produced++;
        position = 0;
      }
      int n = Math.min(length, pending.length() - position);
      pending.getChars(position, position + n, buffer, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
