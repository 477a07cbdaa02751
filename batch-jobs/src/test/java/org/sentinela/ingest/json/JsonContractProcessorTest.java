package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierId;

class JsonContractProcessorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final List<String> normalised = new ArrayList<>();
  private final JsonContractProcessor processor =
      new JsonContractProcessor(
          (record, hash) -> {
            normalised.add(record.index() + ":" + hash);
            return contract(record, hash);
          });

  @Test
  void dropsExactDuplicatesOfAnEarlierRecordAndNormalisesTheRest() throws Exception {
    ContractRecord first = processor.process(record(1, "{\"n\": \"1/2026\"}"));
    ContractRecord duplicate = processor.process(record(2, "{\"n\": \"1/2026\"}"));
    ContractRecord spacedDifferently = processor.process(record(3, "{\"n\":\"1/2026\"}"));

    assertThat(first.recordHash()).isEqualTo(record(1, "{\"n\": \"1/2026\"}").sha256());
    assertThat(duplicate).isNull();
    assertThat(spacedDifferently).isNotNull();
    assertThat(normalised).hasSize(2).allMatch(s -> !s.startsWith("2:"));
  }

  @Test
  void processingTheSameRecordAgainGivesTheSameAnswer() throws Exception {
    JsonRecord record = record(5, "{\"n\": \"9\"}");

    ContractRecord once = processor.process(record);
    ContractRecord again = processor.process(record);

    assertThat(again).isEqualTo(once);
    assertThat(normalised).hasSize(2);
  }

  private static JsonRecord record(long index, String json) throws Exception {
    return new JsonRecord("f.json", index, json, MAPPER.readTree(json));
  }

  private static ContractRecord contract(JsonRecord r, String hash) {
    return new ContractRecord(
        RecordSource.PNCP,
        r.fileName(),
        r.index(),
        "run",
        hash,
        r.text("n"),
        null,
        null,
        null,
        null,
        "U1",
        null,
        RegionResolution.unresolved(),
        SupplierId.classify("11222333000181"),
        null,
        Modality.NOT_INFORMED,
        null,
        null,
        null,
        LocalDate.of(2026, 1, 2),
        null,
        null,
        null,
        null,
        null,
        List.of());
  }
}
