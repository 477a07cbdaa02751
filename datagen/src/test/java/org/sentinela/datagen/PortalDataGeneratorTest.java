package org.sentinela.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.BrazilianFormats;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

class PortalDataGeneratorTest {

  private static final long ROWS = 30_000;

  @TempDir static Path dir;
  private static Path out;
  private static List<GeneratedFiles.Row> rows;

  @BeforeAll
  static void generate() throws IOException {
    out = dir.resolve("a");
    PortalDataGenerator.generate(GeneratorOptions.clean(out, ROWS, YearMonth.of(2021, 1), 24, 7));
    rows = GeneratedFiles.rows(out);
  }

  @Test
  void writesOneFilePerMonthWithTheRequestedRowsInAll() {
    List<Path> files = GeneratedFiles.files(out);
    assertThat(files).hasSize(24);
    assertThat(files.get(0).getFileName()).hasToString("202101_Compras.csv");
    assertThat(files.get(23).getFileName()).hasToString("202212_Compras.csv");
    assertThat(rows).hasSize((int) ROWS);
  }

  @Test
  void headerIsByteForByteTheRealOne() throws IOException {
    byte[] real;
    try (InputStream in = getClass().getResourceAsStream("real_compras_header.csv")) {
      real = in.readAllBytes();
    }
    for (Path file : GeneratedFiles.files(out)) {
      byte[] start = Arrays.copyOf(Files.readAllBytes(file), real.length);
      assertThat(start).as(file.toString()).isEqualTo(real);
    }
    assertThat(new String(real, PortalFormat.CHARSET).strip()).isEqualTo(PortalFormat.headerLine());
  }

  @Test
  void filesAreLatin1WithAccentsAndLfLineEnds() throws IOException {
    byte[] bytes = Files.readAllBytes(GeneratedFiles.files(out).get(0));
    String text = new String(bytes, PortalFormat.CHARSET);
    assertThat(text.getBytes(PortalFormat.CHARSET)).isEqualTo(bytes);
    assertThat(text).contains("Ministério da Defesa").contains("AQUISIÇÃO").doesNotContain("\r");
    assertThat(bytes).contains((byte) 0xE9); // é in Latin-1, one byte
  }

  @Test
  void everyRowParsesWithThePortalRules() {
    for (GeneratedFiles.Row row : rows) {
      LocalDate signature = BrazilianFormats.parseDate(row.get("Data Assinatura Contrato"));
      LocalDate publication = BrazilianFormats.parseDate(row.get("Data Publicação DOU"));
      LocalDate start = BrazilianFormats.parseDate(row.get("Data Início Vigência"));
      LocalDate end = BrazilianFormats.parseDate(row.get("Data Fim Vigência"));
      assertThat(signature).isBeforeOrEqualTo(publication);
      assertThat(start).isAfterOrEqualTo(signature);
      assertThat(end).isAfter(start);
      String month = row.file().substring(0, 6);
      assertThat(YearMonth.from(publication).toString().replace("-", "")).isEqualTo(month);
      BigDecimal initial = BrazilianFormats.parseMoney(row.get("Valor Inicial Compra"));
      BigDecimal fin = BrazilianFormats.parseMoney(row.get("Valor Final Compra"));
      assertThat(initial.scale()).isEqualTo(4);
      assertThat(initial.signum()).isNotNegative();
      assertThat(fin.signum()).isNotNegative();
      assertThat(row.get("Código UG")).matches("\\d{6}");
      assertThat(row.get("Nome UG").length()).isLessThan(PortalFormat.NAME_WIDTH);
      assertThat(row.get("Número do Contrato")).endsWith(Integer.toString(signature.getYear()));
    }
  }

  @Test
  void suppliersAreValidCnpjsOrCpfsOrClassified() {
    long cpfs = 0;
    for (GeneratedFiles.Row row : rows) {
      SupplierId id = SupplierId.classify(row.get("Código Contratado"));
      assertThat(id.kind()).isIn(SupplierKind.CNPJ, SupplierKind.CPF, SupplierKind.CLASSIFIED);
      assertThat(id.valid()).as(id.value()).isTrue();
      if (id.kind() == SupplierKind.CPF) {
        assertThat(id.value()).startsWith("000");
        cpfs++;
      }
    }
    assertThat(cpfs).isBetween(ROWS / 100, ROWS / 10);
  }

  @Test
  void aSmallLabelledRunStillHasExactlyTheRequestedRows() throws IOException {
    Path small = dir.resolve("small");
    PortalDataGenerator.Summary summary =
        PortalDataGenerator.generate(
            GeneratorOptions.labelled(
                small, 600, YearMonth.of(2021, 1), 24, 5, dir.resolve("small-labels.csv")));
    assertThat(summary.rows()).isEqualTo(600);
    assertThat(GeneratedFiles.rows(small)).hasSize(600);
    assertThat(summary.anomalies()).isEqualTo(8 * AnomalyKind.MINIMUM);
  }

  @Test
  void labelledRunsAreDeterministicToo() throws IOException {
    Path first = dir.resolve("l1");
    Path second = dir.resolve("l2");
    for (Path run : List.of(first, second)) {
      PortalDataGenerator.generate(
          GeneratorOptions.labelled(
              run, 8_000, YearMonth.of(2022, 1), 6, 3, run.resolve("labels.csv")));
    }
    assertThat(Files.readAllBytes(second.resolve("labels.csv")))
        .isEqualTo(Files.readAllBytes(first.resolve("labels.csv")));
    for (Path file : GeneratedFiles.files(first)) {
      assertThat(Files.readAllBytes(second.resolve(file.getFileName())))
          .isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    Path again = dir.resolve("b");
    Path other = dir.resolve("c");
    PortalDataGenerator.generate(GeneratorOptions.clean(again, ROWS, YearMonth.of(2021, 1), 24, 7));
    PortalDataGenerator.generate(GeneratorOptions.clean(other, ROWS, YearMonth.of(2021, 1), 24, 8));
    for (Path file : GeneratedFiles.files(out)) {
      byte[] first = Files.readAllBytes(file);
      assertThat(Files.readAllBytes(again.resolve(file.getFileName()))).isEqualTo(first);
      assertThat(Files.readAllBytes(other.resolve(file.getFileName()))).isNotEqualTo(first);
    }
  }
}
