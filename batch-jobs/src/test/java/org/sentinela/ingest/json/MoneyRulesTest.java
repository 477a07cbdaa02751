package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.MoneyRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.model.DataQualityFlag;

class MoneyRulesTest {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void givesExactValuesAtScaleFour() throws Exception {
    JsonRecord r =
        record("{\"a\": 17699.9993, \"b\": 3544.950000, \"c\": \"1.684.134,72\", \"d\": 0}");

    assertThat(r.money("a").toPlainString()).isEqualTo("17699.9993");
    assertThat(r.money("b").toPlainString()).isEqualTo("3544.9500");
    assertThat(r.money("c").toPlainString()).isEqualTo("1684134.7200");
    assertThat(r.money("d").toPlainString()).isEqualTo("0.0000");
    assertThat(r.money("absent")).isNull();
  }

  @Test
  void rejectsTextThatIsNotANumberMoreThanFourDecimalsAndValuesTooBigToStore() throws Exception {
    JsonRecord r =
        record("{\"text\": \"R$ mil\", \"fine\": 0.12345, \"huge\": 100000000000000.0, \"f\": {}}");

    assertReason(() -> r.money("text"), RejectionReason.INVALID_VALUE);
    assertReason(() -> r.money("fine"), RejectionReason.INVALID_VALUE);
    assertReason(() -> r.money("huge"), RejectionReason.VALUE_OUT_OF_RANGE);
    assertReason(() -> r.money("f"), RejectionReason.INVALID_VALUE);
  }

  @Test
  void flagsSuspiciousValuesLikeThePortal() {
    assertThat(flags("0", "28973.24")).containsExactly(DataQualityFlag.ZERO_VALUE);
    assertThat(flags("104317.08", "0"))
        .containsExactly(DataQualityFlag.ZERO_VALUE, DataQualityFlag.FINAL_BELOW_INITIAL);
    assertThat(flags("-1", "5")).containsExactly(DataQualityFlag.NEGATIVE_VALUE);
    assertThat(flags("234980.16", "-13992.96"))
        .containsExactly(DataQualityFlag.NEGATIVE_VALUE, DataQualityFlag.FINAL_BELOW_INITIAL);
    assertThat(flags("93840", "1913400")).containsExactly(DataQualityFlag.FINAL_ABOVE_10X_INITIAL);
    assertThat(flags("1000000000.01", "1000000000.01"))
        .containsExactly(DataQualityFlag.VALUE_ABOVE_1_BILLION);
    assertThat(flags("348752.00", "348752.63")).isEmpty();
    assertThat(flags(null, null)).isEmpty();
  }

  private static List<DataQualityFlag> flags(String initial, String fin) {
    List<DataQualityFlag> flags = new ArrayList<>();
    MoneyRules.checkValues(
        initial == null ? null : new BigDecimal(initial),
        fin == null ? null : new BigDecimal(fin),
        flags);
    return flags;
  }

  private static void assertReason(Runnable call, RejectionReason reason) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static JsonRecord record(String json) throws Exception {
    return new JsonRecord("f.json", 1, json, MAPPER.readTree(json));
  }
}
