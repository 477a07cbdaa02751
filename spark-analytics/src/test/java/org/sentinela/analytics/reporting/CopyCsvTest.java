package org.sentinela.analytics.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CopyCsvTest {

  @Test
  void nullIsAnEmptyUnquotedFieldAndTextIsAlwaysQuoted() {
    assertThat(CopyCsv.literal(null)).isEmpty();
    assertThat(CopyCsv.literal("")).isEqualTo("\"\"");
    assertThat(CopyCsv.literal("Pregão")).isEqualTo("\"Pregão\"");
  }

  @Test
  void quotesInsideTextAreDoubledAndCommasAndNewlinesStayInside() {
    assertThat(CopyCsv.literal("material \"de limpeza\", lote 1\nlote 2"))
        .isEqualTo("\"material \"\"de limpeza\"\", lote 1\nlote 2\"");
  }

  @Test
  void numbersAndDatesArePlainLiterals() {
    assertThat(CopyCsv.literal(new BigDecimal("1E+10"))).isEqualTo("10000000000");
    assertThat(CopyCsv.literal(new BigDecimal("10000.5000"))).isEqualTo("10000.5000");
    assertThat(CopyCsv.literal(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(CopyCsv.literal(42L)).isEqualTo("42");
    assertThat(CopyCsv.literal(LocalDate.of(2022, 3, 1))).isEqualTo("2022-03-01");
  }

  @Test
  void writesRowsFieldBySeparatedByCommas() throws Exception {
    StringWriter out = new StringWriter();
    CopyCsv csv = new CopyCsv(out);
    csv.field("a").field(null).field(3).endRow();
    csv.field("b").field("").field(4).endRow();

    assertThat(out).hasToString("\"a\",,3\n\"b\",\"\",4\n");
  }
}
