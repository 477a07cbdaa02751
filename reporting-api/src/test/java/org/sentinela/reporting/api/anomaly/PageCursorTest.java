package org.sentinela.reporting.api.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.reporting.api.problem.InvalidParameterException;

class PageCursorTest {

  @Test
  void roundTripsTheExactScoreAndAnyId() {
    PageCursor cursor =
        new PageCursor("run-2024-05-02", "f1ngerpr1nt", 0.1 + 0.2, "an-0001|ç \"quoted\"");

    String wire = cursor.encode();

    assertThat(wire).matches("[A-Za-z0-9_-]+");
    PageCursor decoded = PageCursor.decode(wire);
    assertThat(decoded).isEqualTo(cursor);
    assertThat(Double.doubleToRawLongBits(decoded.score()))
        .isEqualTo(Double.doubleToRawLongBits(0.1 + 0.2));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage!",
        "e30", // {}
        "bnVsbA", // null
        "WzEsMl0", // [1,2]
      })
  void rejectsAnythingItDidNotProduce(String wire) {
    assertThatThrownBy(() -> PageCursor.decode(wire))
        .isInstanceOfSatisfying(
            InvalidParameterException.class,
            e -> assertThat(e.getBody().getProperties()).containsEntry("parameter", "cursor"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"run\":\"r\",\"filters\":\"f\",\"after\":[\"high\",\"a\"]}",
        "{\"run\":\"r\",\"filters\":\"f\",\"after\":[\"NaN\",\"a\"]}",
        "{\"run\":\"r\",\"filters\":\"f\",\"after\":[\"4.5\"]}",
        "{\"run\":\"r\",\"filters\":\"f\",\"after\":[\"4.5\",null]}",
        "{\"run\":\"r\",\"after\":[\"4.5\",\"a\"]}",
        "{\"run\":\"r\",\"score\":\"4.5\",\"id\":\"a\"}",
      })
  void rejectsWellFormedJsonThatIsNotACursorOfThisList(String json) {
    String wire =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> PageCursor.decode(wire)).isInstanceOf(InvalidParameterException.class);
  }
}
