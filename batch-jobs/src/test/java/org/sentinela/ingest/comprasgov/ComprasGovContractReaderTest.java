package org.sentinela.ingest.comprasgov;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.UnreadableJsonFileException;
import org.springframework.batch.item.ExecutionContext;

/** The Contratos.gov.br reader on the committed real (pretty-printed) slice and bad inputs. */
class ComprasGovContractReaderTest {

  @TempDir Path dir;

  @Test
  void readsEveryRealRecordWithItsIndexAndExactPrettyPrintedText() throws IOException {
    List<JsonRecord> records = ComprasGovSlice.records();
    String file = Files.readString(ComprasGovSlice.FILE, StandardCharsets.UTF_8);
    List<String> raw = records.stream().map(JsonRecord::rawJson).toList();

    assertThat(records).hasSize(ComprasGovSlice.SIZE);
    assertThat(records).extracting(JsonRecord::index).startsWith(1L, 2L).endsWith(32L);
    assertThat("[\n  " + String.join(",\n  ", raw) + "\n]").isEqualTo(file);
    assertThat(raw.get(0)).startsWith("{\n    \"id\": 4388,\n    \"receita_despesa\"");
    assertThat(records.get(0).text("contratante", "orgao", "unidade_gestora", "codigo"))
        .isEqualTo("290002");
  }

  @Test
  void refusesAnObjectBecauseTheApiReturnsABareArray() throws IOException {
    Path file = write("{\"data\": [{\"id\": 1}]}");

    assertThatThrownBy(() -> new ComprasGovContractReader(file).open(new ExecutionContext()))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessage(
            "contratos.json holds a JSON object, not an array of Contratos.gov.br contracts");
  }

  @Test
  void anHtmlErrorPageIsNotAContratosFile() throws IOException {
    Path file = write("<html><head><title>502 Bad Gateway</title></head></html>");

    assertThatThrownBy(() -> new ComprasGovContractReader(file).open(new ExecutionContext()))
        .hasMessage(
            "contratos.json is an HTML page, not a Contratos.gov.br JSON file (a failed download?)");
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("contratos.json"), text, StandardCharsets.UTF_8);
  }
}
