package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

  @Test
  void parsesEveryOptionAndDefaultsTheRest() {
    GeneratorOptions all =
        GeneratorOptions.parse(
            "--out",
            "d",
            "--rows",
            "4_000_000",
            "--start-month",
            "2022-03",
            "--months",
            "6",
            "--seed",
            "9",
            "--anomalies",
            "labelled",
            "--labels",
            "l.csv");
    assertThat(all)
        .isEqualTo(
            GeneratorOptions.labelled(
                Path.of("d"), 4_000_000, YearMonth.of(2022, 3), 6, 9, Path.of("l.csv")));
    assertThat(GeneratorOptions.parse("--out", "d", "--rows", "10"))
        .isEqualTo(GeneratorOptions.clean(Path.of("d"), 10, YearMonth.of(2021, 1), 24, 42));
  }

  @Test
  void errorsNameTheOptionAndTheBadValue() {
    assertThatThrownBy(() -> GeneratorOptions.parse("--out", "d", "--rows", "many"))
        .hasMessageContaining("--rows")
        .hasMessageContaining("many");
    assertThatThrownBy(
            () -> GeneratorOptions.parse("--out", "d", "--rows", "5", "--start-month", "2021/01"))
        .hasMessageContaining("--start-month")
        .hasMessageContaining("2021/01");
    assertThatThrownBy(
            () -> GeneratorOptions.parse("--out", "d", "--rows", "5", "--anomalies", "some"))
        .hasMessageContaining("--anomalies")
        .hasMessageContaining("some");
    assertThatThrownBy(
            () -> GeneratorOptions.parse("--out", "d", "--rows", "5", "--anomalies", "labelled"))
        .hasMessageContaining("--labels");
    assertThatThrownBy(() -> GeneratorOptions.parse("--out", "d", "--rows", "0"))
        .hasMessageContaining("--rows")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> GeneratorOptions.parse("--rows", "5")).hasMessageContaining("--out");
    assertThatThrownBy(() -> GeneratorOptions.parse("--out", "d", "--rows", "5", "--colour", "x"))
        .hasMessageContaining("--colour");
  }
}
