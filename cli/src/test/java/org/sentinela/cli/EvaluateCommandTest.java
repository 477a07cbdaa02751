package org.sentinela.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.datagen.AnomalyKind;

/**
 * {@code evaluate} for real on a small generated set: datagen, a night in child JVMs with its own
 * embedded database, the naive rule; the report has every table and its figures add up.
 */
class EvaluateCommandTest {

  @TempDir Path dir;

  @Test
  void evaluatesAGeneratedNightAndPrintsConsistentFigures() {
    Path keep = dir.resolve("eval");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit =
        Sentinela.execute(
            Map.of("SENTINELA_HOME", dir.resolve("unused-home").toString()),
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            System.err,
            "evaluate",
            "--rows",
            "5000",
            "--seed",
            "3",
            "--keep",
            keep.toString());
    String report = bytes.toString(StandardCharsets.UTF_8);

    assertThat(exit).as(report).isZero();
    assertThat(keep.resolve("labels.csv")).exists();
    assertThat(keep.resolve("home")).isDirectory();
    // the caller's home is left alone: the night ran in the evaluation's own home
    assertThat(Files.exists(dir.resolve("unused-home").resolve("lake"))).isFalse();

    int labels = 0;
    for (AnomalyKind kind : AnomalyKind.values()) {
      Matcher row =
          Pattern.compile("(?m)^" + kind + " +(\\d+) +(\\d+) +([\\d.]+) +(\\d+) +([\\d.]+)$")
              .matcher(report);
      assertThat(row.find()).as(kind + " in\n" + report).isTrue();
      int injected = Integer.parseInt(row.group(1));
      int found = Integer.parseInt(row.group(2));
      assertThat(injected).isEqualTo(kind.countFor(5_000));
      assertThat(found).isBetween(0, injected);
      assertThat(Double.parseDouble(row.group(3)))
          .isEqualTo(Math.round(1000.0 * found / injected) / 1000.0);
      assertThat(Integer.parseInt(row.group(4))).isBetween(0, injected);
      labels += injected;
    }

    for (String name : new String[] {"Sentinela", "naive rule"}) {
      Matcher overall =
          Pattern.compile(
                  "(?m)^"
                      + name
                      + " +(\\d+) +(\\d+) +(\\d+) +([\\d.]+) +([\\d.]+) +([\\d.]+) +([\\d.]+)$")
              .matcher(report);
      assertThat(overall.find()).as(name + " in\n" + report).isTrue();
      int flags = Integer.parseInt(overall.group(1));
      assertThat(Integer.parseInt(overall.group(2))).isEqualTo(labels);
      int found = Integer.parseInt(overall.group(3));
      assertThat(Double.parseDouble(overall.group(5)))
          .isEqualTo(Math.round(1000.0 * found / labels) / 1000.0);
      double precision = Double.parseDouble(overall.group(4));
      assertThat(precision).isBetween(0.0, 1.0);
      assertThat(flags).isPositive();
    }
    assertThat(report)
        .contains("Precision per detector")
        .contains("NAIVE_RULE")
        .contains("F1 ratio Sentinela / naive rule: ");
  }
}
