package org.sentinela.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BrazilianFormatsTest {

  @Test
  void readsPortalMoneyExactlyNotTenThousandTimesTooLarge() {
    // The trap Spark's en-US CSV reader falls into: "153170,0400" is R$ 153,170.04.
    assertThat(BrazilianFormats.parseMoney("153170,0400")).isEqualByComparingTo("153170.04");
    assertThat(BrazilianFormats.parseMoney("153170,0400").scale()).isEqualTo(4);
    assertThat(BrazilianFormats.parseMoney("0,0000")).isEqualByComparingTo("0");
    assertThat(BrazilianFormats.parseMoney("-13992,9600")).isEqualByComparingTo("-13992.96");
    assertThat(BrazilianFormats.parseMoney("10000000000,0000"))
        .isEqualByComparingTo(new BigDecimal("10000000000"));
  }

  @Test
  void readsThousandsSeparatorsAndJsonDecimals() {
    assertThat(BrazilianFormats.parseMoney("1.684.134,72")).isEqualByComparingTo("1684134.72");
    assertThat(BrazilianFormats.parseMoney("R$ 1.000,00")).isEqualByComparingTo("1000");
    assertThat(BrazilianFormats.parseMoney("1684134.72")).isEqualByComparingTo("1684134.72");
    assertThat(BrazilianFormats.parseMoney("1.684.134")).isEqualByComparingTo("1684134");
    assertThat(BrazilianFormats.parseMoney("  ")).isNull();
  }

  @Test
  void rejectsWhatIsNotANumberNamingTheText() {
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("12,34,56"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("12,34,56");
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("1.68.134,72"))
        .isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> BrazilianFormats.parseMoney("abc"))
        .isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("'abc'");
  }

  @Test
  void readsBrazilianAndIsoDates() {
    assertThat(BrazilianFormats.parseDate("24/12/2020")).isEqualTo(LocalDate.of(2020, 12, 24));
    assertThat(BrazilianFormats.parseDate("2024-07-01")).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(BrazilianFormats.parseDate("2024-07-01T10:00:00"))
        .isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(BrazilianFormats.parseDate("")).isNull();
  }

  @Test
  void rejectsImpossibleDates() {
    assertThatThrownBy(() -> BrazilianFormats.parseDate("31/02/2021"))
        .isInstanceOf(DateTimeException.class)
        .hasMessageContaining("31/02/2021");
    assertThatThrownBy(() -> BrazilianFormats.parseDate("2021/01/01"))
        .isInstanceOf(DateTimeException.class);
  }
}
