package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;

class JsonRecordTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void readsNestedTextAndTreatsAbsentAndNullAlike() throws Exception {
    JsonRecord r = record("{\"a\": {\"b\": \" x \", \"n\": null}, \"i\": 7, \"t\": true}");

    assertThat(r.text("a", "b")).isEqualTo(" x ");
    assertThat(r.text("a", "n")).isNull();
    assertThat(r.text("a", "missing")).isNull();
    assertThat(r.text("i")).isEqualTo("7");
    assertThat(r.text("t")).isEqualTo("true");
  }

  @Test
  void anObjectWhereTextIsExpectedIsAMalformedRecord() throws Exception {
    JsonRecord r = record("{\"numero\": {\"x\": 1}}");

    assertThatThrownBy(() -> r.text("numero"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(RejectionReason.MALFORMED_LINE))
        .hasMessageContaining("numero is a JSON OBJECT");
  }

  @Test
  void readsMoneyTextInBrazilianOrPlainFormat() throws Exception {
    JsonRecord r = record("{\"br\": \"1.684.134,72\", \"plain\": \"3544.95\", \"empty\": \"\"}");

    assertThat(r.decimal("br")).isEqualByComparingTo("1684134.72");
    assertThat(r.decimal("plain")).isEqualByComparingTo("3544.95");
    assertThat(r.decimal("empty")).isNull();
    assertThat(r.decimal("absent")).isNull();
  }

  @Test
  void aBooleanOrObjectIsNotANumber() throws Exception {
    JsonRecord r = record("{\"b\": true, \"o\": {}}");

    assertThatThrownBy(() -> r.decimal("b")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> r.decimal("o")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void theHashIsOfTheRawTextSoIdenticalRecordsShareIt() throws Exception {
    String hashA = record("{\"a\": 1}").sha256();
    String hashSame = record("{\"a\": 1}").sha256();
    String hashSpaced = record("{\"a\":  1}").sha256();

    assertThat(hashA).hasSize(64).isEqualTo(hashSame).isNotEqualTo(hashSpaced);
    // sha256sum of the UTF-8 bytes of {"a": 1}
    assertThat(hashA).isEqualTo("f9d86028c6e0d64e225186f96acb69338b2c59764df79162107f5c4bb34d1310");
  }

  private static JsonRecord record(String json) throws Exception {
    return new JsonRecord("f.json", 1, json, MAPPER.readTree(json));
  }
}
