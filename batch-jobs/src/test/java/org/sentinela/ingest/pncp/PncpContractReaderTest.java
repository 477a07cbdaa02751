package org.sentinela.ingest.pncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.JsonSlices;
import org.sentinela.ingest.json.MalformedJsonRecordException;
import org.sentinela.ingest.json.UnreadableJsonFileException;
import org.springframework.batch.item.ExecutionContext;

/** The PNCP reader on the committed real slice and on damaged copies of it. */
class PncpContractReaderTest {

  @TempDir Path dir;

  @Test
  void readsEveryRealRecordWithItsIndexAndExactText() throws IOException {
    List<JsonRecord> records = PncpSlice.records();
    String file = Files.readString(PncpSlice.FILE, StandardCharsets.UTF_8);

    assertThat(records).hasSize(PncpSlice.SIZE);
    assertThat(records.get(0).index()).isEqualTo(1);
    assertThat(records.get(PncpSlice.SIZE - 1).index()).isEqualTo(PncpSlice.SIZE);
    assertThat("[" + String.join(", ", raw(records)) + "]").isEqualTo(file);
    assertThat(records.stream().map(KeyOrder::of).distinct()).hasSize(4);
    assertThat(records.get(7).text("objetoContrato")).contains("\r\n").contains("¿");
  }

  @Test
  void readsTheSameRecordsFromTheApiEnvelope() throws IOException {
    String slice = Files.readString(PncpSlice.FILE, StandardCharsets.UTF_8);
    Path envelope =
        write(
            "{\"totalRegistros\": 52, \"totalPaginas\": 1, \"numeroPagina\": 1, \"data\": "
                + slice
                + ", \"paginasRestantes\": 0, \"empty\": false}");

    List<JsonRecord> records = JsonSlices.readAll(new PncpContractReader(envelope));

    assertThat(raw(records)).isEqualTo(raw(PncpSlice.records()));
  }

  @Test
  void readsTheSameRecordsAfterAByteOrderMark() throws IOException {
    byte[] slice = Files.readAllBytes(PncpSlice.FILE);
    byte[] withBom = new byte[slice.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(slice, 0, withBom, 3, slice.length);
    Path file = Files.write(dir.resolve("bom.json"), withBom);

    List<JsonRecord> records = JsonSlices.readAll(new PncpContractReader(file));

    assertThat(raw(records)).isEqualTo(raw(PncpSlice.records()));
  }

  @Test
  void aTruncatedDownloadKeepsTheWholeRecordsAndReportsTheCutOne() throws IOException {
    String slice = Files.readString(PncpSlice.FILE, StandardCharsets.UTF_8);
    String cut = slice.substring(0, slice.length() * 3 / 5);
    int whole = 0;
    for (String raw : raw(PncpSlice.records())) {
      whole += cut.contains(raw) ? 1 : 0;
    }
    PncpContractReader reader = new PncpContractReader(write(cut));
    reader.open(new ExecutionContext());

    List<JsonRecord> read = new ArrayList<>();
    MalformedJsonRecordException broken = null;
    for (int i = 0; i <= whole; i++) {
      try {
        read.add(reader.read());
      } catch (MalformedJsonRecordException e) {
        broken = e;
      }
    }

    assertThat(whole).isBetween(20, 40);
    assertThat(read).hasSize(whole);
    assertThat(broken.recordIndex()).isEqualTo(whole + 1);
    assertThat(cut).endsWith(broken.rawText());
    assertThat(broken.getMessage()).endsWith("the file ends there (truncated?)");
    assertThat(reader.read()).isNull();
  }

  @Test
  void anHtmlErrorPageIsNotAPncpFile() throws IOException {
    Path page = write("<!doctype html>\n<html lang=\"pt-br\"><title>503</title></html>");

    assertThatThrownBy(() -> new PncpContractReader(page).open(new ExecutionContext()))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessage("contratos.json is an HTML page, not a PNCP JSON file (a failed download?)");
  }

  @Test
  void aRecordThatIsNotAnObjectIsReportedAndTheNextOneIsRead() throws IOException {
    String slice = Files.readString(PncpSlice.FILE, StandardCharsets.UTF_8);
    Path file = write("[\"erro\", " + slice.substring(1));
    PncpContractReader reader = new PncpContractReader(file);
    reader.open(new ExecutionContext());

    MalformedJsonRecordException first =
        catchThrowableOfType(MalformedJsonRecordException.class, reader::read);
    JsonRecord second = reader.read();

    assertThat(first.recordIndex()).isEqualTo(1);
    assertThat(first.rawText()).isEqualTo("\"erro\"");
    assertThat(second.index()).isEqualTo(2);
    assertThat(second.rawJson()).isEqualTo(PncpSlice.record(1).rawJson());
  }

  /** The record's top-level keys in file order (the slice has the source's 4 orders). */
  private static final class KeyOrder {
    static List<String> of(JsonRecord r) {
      List<String> keys = new ArrayList<>();
      r.fields().fieldNames().forEachRemaining(keys::add);
      return keys;
    }
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("contratos.json"), text, StandardCharsets.UTF_8);
  }

  private static List<String> raw(List<JsonRecord> records) {
    return records.stream().map(JsonRecord::rawJson).toList();
  }
}
