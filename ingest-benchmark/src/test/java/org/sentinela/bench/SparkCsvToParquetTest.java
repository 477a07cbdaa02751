package org.sentinela.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark peer converts a real-format file with the right types and values, not just fast. */
class SparkCsvToParquetTest {

  private static SparkSession spark;

  @TempDir Path dir;

  @BeforeAll
  static void startSpark() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void readsLatinOneMoneyAndDatesIntoTypedColumnsPartitionedBySignatureMonth() throws IOException {
    Path input = Files.createDirectories(dir.resolve("in"));
    Files.write(
        input.resolve("202105_Compras.csv"),
        List.of(
            header(),
            line(
                "514",
                "AQUISIÇÃO DE MATERIAL; DIVERSOS",
                "12/05/2021",
                "153170,0400",
                "-13992,9600"),
            line("515", "SERVIÇO \"\"ESPECIAL\"\"", "30/04/2020", "0,0000", "")),
        StandardCharsets.ISO_8859_1);
    Path output = dir.resolve("out");

    SparkCsvToParquet.convert(spark, input, output);

    List<Row> rows =
        spark.read().parquet(output.toString()).orderBy("numero_contrato").collectAsList();
    assertThat(rows).hasSize(2);
    Row first = rows.get(0);
    assertThat(first.<String>getAs("objeto")).isEqualTo("AQUISIÇÃO DE MATERIAL; DIVERSOS");
    assertThat(first.<BigDecimal>getAs("valor_inicial")).isEqualTo(new BigDecimal("153170.0400"));
    assertThat(first.<BigDecimal>getAs("valor_final")).isEqualTo(new BigDecimal("-13992.9600"));
    assertThat(first.<Date>getAs("data_assinatura")).isEqualTo(Date.valueOf("2021-05-12"));
    assertThat(first.<Integer>getAs("sign_year")).isEqualTo(2021);
    assertThat(first.<Integer>getAs("sign_month")).isEqualTo(5);
    Row second = rows.get(1);
    assertThat(second.<String>getAs("objeto")).isEqualTo("SERVIÇO \"ESPECIAL\"");
    assertThat(second.<BigDecimal>getAs("valor_final")).isNull();
    assertThat(output.resolve("sign_year=2020").resolve("sign_month=4")).isDirectory();
  }

  private static String header() {
    return String.join(";", SparkCsvToParquet.PORTAL_SCHEMA.fieldNames());
  }

  private static String line(
      String number, String object, String signed, String initial, String fin) {
    String[] fields = new String[24];
    java.util.Arrays.fill(fields, "");
    fields[0] = number;
    fields[1] = object;
    fields[11] = signed;
    fields[12] = signed;
    fields[17] = initial;
    fields[18] = fin;
    StringBuilder line = new StringBuilder();
    for (String f : fields) {
      line.append(line.length() == 0 ? "\"" : ";\"").append(f).append('"');
    }
    return line.toString();
  }
}
