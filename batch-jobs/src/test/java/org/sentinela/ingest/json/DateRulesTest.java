package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.DateRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.model.DataQualityFlag;

class DateRulesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final LocalDate PUBLISHED = LocalDate.of(2026, 6, 5);

  @Test
  void readsIsoDatesAndIgnoresTheTimePart() throws Exception {
    JsonRecord r = record("{\"d\": \"2026-06-05T00:00:14\", \"e\": \"2026-05-14\", \"n\": null}");

    assertThat(r.date("d")).isEqualTo(PUBLISHED);
    assertThat(r.date("e")).isEqualTo(LocalDate.of(2026, 5, 14));
    assertThat(r.date("n")).isNull();
  }

  @Test
  void rejectsImpossibleAndMissingSignatures() throws Exception {
    assertReason("{\"s\": \"2026-02-30\"}", RejectionReason.INVALID_DATE);
    assertReason("{\"s\": \"\"}", RejectionReason.MISSING_SIGNATURE_DATE);
    assertReason("{\"s\": \"1949-12-31\"}", RejectionReason.IMPOSSIBLE_SIGNATURE_DATE);
    assertReason("{\"s\": \"2028-01-01\"}", RejectionReason.IMPOSSIBLE_SIGNATURE_DATE);
    assertThat(record("{\"s\": \"2027-12-31\"}").signature(PUBLISHED, "s"))
        .isEqualTo(LocalDate.of(2027, 12, 31));
  }

  @Test
  void aSentinelEndDateIsStoredAsNoEndDate() {
    List<DataQualityFlag> flags = new ArrayList<>();

    LocalDate stored =
        DateRules.checkDates(
            LocalDate.of(2017, 1, 16),
            null,
            LocalDate.of(2017, 1, 16),
            LocalDate.of(2099, 12, 31),
            flags);

    assertThat(stored).isNull();
    assertThat(flags).containsExactly(DataQualityFlag.SENTINEL_END_DATE);
  }

  @Test
  void flagsMissingAndInvertedEndsLateSignaturesAndOldContracts() {
    LocalDate signed = LocalDate.of(2026, 6, 1);

    assertThat(check(signed, PUBLISHED, signed, null))
        .containsExactly(DataQualityFlag.MISSING_END_DATE);
    assertThat(check(signed, PUBLISHED, signed, signed.minusDays(1)))
        .containsExactly(DataQualityFlag.END_BEFORE_START);
    assertThat(check(PUBLISHED.plusDays(1), PUBLISHED, null, PUBLISHED.plusDays(1)))
        .containsExactly(DataQualityFlag.SIGNED_AFTER_PUBLICATION);
    assertThat(check(LocalDate.of(1996, 3, 1), null, null, LocalDate.of(1997, 3, 1)))
        .containsExactly(DataQualityFlag.SIGNED_BEFORE_2000);
    assertThat(check(signed, PUBLISHED, signed, signed)).isEmpty();
  }

  private static List<DataQualityFlag> check(
      LocalDate signed, LocalDate published, LocalDate start, LocalDate end) {
    List<DataQualityFlag> flags = new ArrayList<>();
    DateRules.checkDates(signed, published, start, end, flags);
    return flags;
  }

  private static void assertReason(String json, RejectionReason reason) {
    assertThatThrownBy(() -> record(json).signature(PUBLISHED, "s"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static JsonRecord record(String json) throws Exception {
    return new JsonRecord("f.json", 1, json, MAPPER.readTree(json));
  }
}
