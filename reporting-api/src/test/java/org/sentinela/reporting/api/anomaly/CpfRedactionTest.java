package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CpfRedactionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void masksBareAndPunctuatedCpfInText() {
    CpfRedaction redaction = CpfRedaction.forSupplier("12345678909", "CPF");

    assertThat(redaction.text("pago a 123.456.789-09 (12345678909) em 2024"))
        .isEqualTo("pago a ***.456.789-** (***.456.789-**) em 2024");
  }

  @Test
  void masksCpfInNestedEvidenceStringsAndNumbersWithoutTouchingTheRest() throws Exception {
    CpfRedaction redaction = CpfRedaction.forSupplier("123.456.789-09", "CPF");
    JsonNode evidence =
        JSON.readTree(
            "{\"z\": 4.2, \"who\": {\"cpf\": 12345678909, \"ids\": [\"x12345678909\", 7]}}");

    JsonNode redacted = redaction.json(evidence);

    assertThat(redacted)
        .isEqualTo(
            JSON.readTree(
                "{\"z\": 4.2, \"who\": {\"cpf\": \"***.456.789-**\","
                    + " \"ids\": [\"x***.456.789-**\", 7]}}"));
    assertThat(evidence.get("who").get("cpf").isNumber()).as("input left alone").isTrue();
  }

  @Test
  void leavesCompaniesAlone() {
    CpfRedaction redaction = CpfRedaction.forSupplier("11222333000181", "CNPJ");

    assertThat(redaction.text("CNPJ 11222333000181")).isEqualTo("CNPJ 11222333000181");
  }
}
