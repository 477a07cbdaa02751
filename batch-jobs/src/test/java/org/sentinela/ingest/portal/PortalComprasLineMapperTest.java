package org.sentinela.ingest.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.batch.item.file.transform.DelimitedLineTokenizer;
import org.springframework.batch.item.file.transform.IncorrectTokenCountException;

/**
 * The one-pass split gives what Spring Batch's strict tokenizer gives, or leaves the line to it.
 */
class PortalComprasLineMapperTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");

  @Test
  void everyLineOfTheSampleSplitsInOnePassAsTheTokenizerSplitsIt() throws IOException {
    List<String> lines = sampleLines();

    for (String line : lines) {
      assertThat(PortalComprasLineMapper.splitQuotedFields(line))
          .as(line)
          .containsExactly(tokenizerFields(line));
    }
    assertThat(lines).hasSizeGreaterThan(3000);
  }

  @Test
  void fieldsWithSeparatorsSpacesOrNothingInsideTheQuotesSplitInOnePass() {
    String line =
        ComprasFixtures.line("12021", "10,00", "10,00", "01/02/2021")
            .replace("AQUISIÇÃO DE MATERIAL", " papel; caneta ;lápis ")
            .replace("\"-3\"", "\"\"");

    String[] fields = PortalComprasLineMapper.splitQuotedFields(line);

    assertThat(fields).containsExactly(tokenizerFields(line));
    assertThat(fields[1]).isEqualTo("Objeto:  papel; caneta ;lápis ");
    assertThat(fields[19]).isEmpty();
  }

  @Test
  void linesThatAreNotTwentyFourPlainQuotedFieldsAreLeftToTheTokenizer() {
    String line = ComprasFixtures.line("12021", "10,00", "10,00", "01/02/2021");
    List<String> others =
        List.of(
            line.replace("MATERIAL", "MATERIAL \"\"A4\"\""),
            line.replace("MATERIAL", "\"MATERIAL\""),
            line.replace("\"12021\"", "12021"),
            " " + line,
            line + " ",
            line + ";",
            line + ";\"extra\"",
            line.substring(0, line.length() - 1),
            line.substring(line.indexOf(';') + 1),
            "",
            "\"");

    for (String other : others) {
      assertThat(PortalComprasLineMapper.splitQuotedFields(other)).as(other).isNull();
    }
  }

  @Test
  void aLineWithQuotesInsideAFieldIsStillSplitByTheTokenizer() {
    String line =
        ComprasFixtures.line("12021", "10,00", "10,00", "01/02/2021")
            .replace("MATERIAL", "MATERIAL \"\"A4\"\"");

    PortalComprasRow row = new PortalComprasLineMapper("f.csv").mapLine(line, 2);

    assertThat(row.field("Objeto")).isEqualTo("Objeto: AQUISIÇÃO DE MATERIAL \"A4\"");
    assertThat(row.rawLine()).isEqualTo(line);
  }

  @Test
  void aLineWithAFieldMissingIsRejectedByTheTokenizer() {
    String line = ComprasFixtures.line("12021", "10,00", "10,00", "01/02/2021");
    String shorter = line.substring(0, line.lastIndexOf(';'));

    assertThatThrownBy(() -> new PortalComprasLineMapper("f.csv").mapLine(shorter, 2))
        .isInstanceOf(IncorrectTokenCountException.class)
        .hasMessageContaining("expected 24 actual 23");
  }

  private static String[] tokenizerFields(String line) {
    DelimitedLineTokenizer tokenizer = new DelimitedLineTokenizer(";");
    tokenizer.setStrict(true);
    return tokenizer.tokenize(line).getValues();
  }

  private static List<String> sampleLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.filter(f -> f.toString().endsWith("_Compras.csv")).toList()) {
        List<String> all = Files.readAllLines(file, PortalComprasFormat.CHARSET);
        lines.addAll(all.subList(1, all.size()));
      }
    }
    return lines;
  }
}
