package org.sentinela.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.ContractSchema;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierId;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;

class PartitionedContractWriterTest {

  @TempDir Path staging;

  @Test
  void everyRecordLandsInItsMonthInInputOrderHoweverThinTheMonth() throws Exception {
    // given: a file whose rows fall mostly in one month, some in a second, thinly over 240 more
    // (more thin rows than the writer holds), in input order
    List<ContractRecord> records = new ArrayList<>();
    for (int line = 2; line < 30_002; line++) {
      LocalDate signed =
          switch (line % 5) {
            case 0, 1 -> LocalDate.of(2021, 5, 3);
            case 2 -> LocalDate.of(2021, 4, 9);
            default -> LocalDate.of(2000, 1, 15).plusMonths(line / 5 % 240);
          };
      records.add(record(line, signed));
    }
    PartitionedContractWriter writer = new PartitionedContractWriter(staging, "202105_Compras_csv");

    // when: it is written in chunks, then the step ends
    writeInChunks(writer, records, 5000);

    // then: one file per month, every row in its signature month, each file in input order
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String rows = parts("part-202105_Compras_csv.parquet");
      assertEveryRecordOnceInItsMonthInInputOrder(s, rows, records.size());
      assertThat(one(s, "select count(distinct filename) from " + rows)).isEqualTo(242);
      assertThat(
              one(s, "select count(*) from " + rows + " where sign_month = 5 and sign_year = 2021"))
          .isEqualTo(12_000);
    }
  }

  @Test
  void aThinMonthThatCannotBeWrittenAtTheEndFailsTheStep() throws Exception {
    // given: a step that wrote only thin months, held until the end, where no folder can be made
    Path blocked = staging.resolve("blocked");
    Files.writeString(blocked, "a file where the snapshot folder should be");
    PartitionedContractWriter writer = new PartitionedContractWriter(blocked, "202105_Compras_csv");
    StepExecution step = MetaDataInstanceFactory.createStepExecution();
    step.setStatus(BatchStatus.STARTED);
    writer.write(new Chunk<>(List.of(record(2, LocalDate.of(2021, 5, 3)))));

    // when
    ExitStatus exit = writer.afterStep(step);

    // then: the step, not only a log line, says the records were not written
    assertThat(exit.getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(step.getFailureExceptions()).hasSize(1);
  }

  @Test
  void freeTextAndKeyColumnsCarryNoStatisticsWhileCodesAndDatesDo() throws Exception {
    // given: a month of records with names and object texts
    List<ContractRecord> records = new ArrayList<>();
    for (int line = 2; line < 1_502; line++) {
      records.add(described(line, LocalDate.of(2021, 5, 1).plusDays(line % 31)));
    }
    PartitionedContractWriter writer = new PartitionedContractWriter(staging, "202105_Compras_csv");

    // when
    writeInChunks(writer, records, records.size());

    // then: the footer has no minimum or maximum for free text and keys, and has them for the
    // codes and dates a reader may prune on; the values themselves are all there
    Path file =
        staging.resolve("sign_year=2021/sign_month=5").resolve("part-202105_Compras_csv.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String metadata = "parquet_metadata('" + file + "')";
      for (String column :
          List.of(
              ContractSchema.OBJECT_TEXT,
              ContractSchema.UNIT_NAME,
              ContractSchema.RECORD_HASH,
              ContractSchema.NATURAL_KEY)) {
        assertThat(
                one(
                    s,
                    "select count(*) from "
                        + metadata
                        + " where path_in_schema = '"
                        + column
                        + "' and (stats_min_value is not null or stats_max_value is not null)"))
            .as(column)
            .isZero();
      }
      try (ResultSet r =
          s.executeQuery(
              "select stats_min_value, stats_max_value from "
                  + metadata
                  + " where path_in_schema = 'unit_code'")) {
        r.next();
        assertThat(r.getString(1)).isEqualTo("153052");
        assertThat(r.getString(2)).isEqualTo("153061");
      }
      assertThat(
              one(
                  s,
                  "select count(*) from "
                      + metadata
                      + " where path_in_schema = 'signature_date' and stats_min_value is null"))
          .isZero();
      assertThat(
              one(
                  s,
                  "select count(distinct object_text) + count(distinct unit_name) from read_parquet('"
                      + file
                      + "')"))
          .isEqualTo(1_500 + 10);
    }
  }

  @Test
  void monthsBufferingMoreThanTheLimitGoOnInFurtherPartsAndLoseNothing() throws Exception {
    // given: a file of three full months, interleaved, and a writer allowed 256 KB of buffers
    List<ContractRecord> records = new ArrayList<>();
    for (int line = 2; line < 30_002; line++) {
      records.add(described(line, LocalDate.of(2021, 3 + line % 3, 10)));
    }
    PartitionedContractWriter writer =
        new PartitionedContractWriter(staging, "202105_Compras_csv", 24, 256 * 1024);

    // when
    writeInChunks(writer, records, 1000);

    // then: each month went on in further parts; every record is written once, in input order
    // within each part, in its own month
    List<String> mayFiles;
    try (var files = Files.list(staging.resolve("sign_year=2021/sign_month=5"))) {
      mayFiles = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(mayFiles)
        .contains("part-202105_Compras_csv.parquet", "part-202105_Compras_csv.2.parquet");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String rows = parts("part-202105_Compras_csv*.parquet");
      assertEveryRecordOnceInItsMonthInInputOrder(s, rows, records.size());
      // the parts of a month follow each other: part N holds earlier lines than part N + 1
      assertThat(
              one(
                  s,
                  "select count(*) from (select filename, min(source_record) as first,"
                      + " max(source_record) as last, sign_month from "
                      + rows
                      + " group by filename, sign_month) a join (select filename,"
                      + " min(source_record) as first, sign_month from "
                      + rows
                      + " group by filename, sign_month) b on a.sign_month = b.sign_month"
                      + " and a.filename <> b.filename and b.first between a.first and a.last"))
          .isZero();
    }

    // and: a restarted step clears every part of its file, and only those
    Path other = staging.resolve("sign_year=2021/sign_month=5/part-202106_Compras_csv.parquet");
    Files.writeString(other, "another file's part");
    new PartitionedContractWriter(staging, "202105_Compras_csv")
        .open(new org.springframework.batch.item.ExecutionContext());
    try (var files = Files.walk(staging)) {
      assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(other);
    }
  }

  @Test
  void noMoreWritersThanTheLimitStayOpenAndEveryRecordIsWrittenOnce() throws Exception {
    // given: a file whose rows fall evenly over ten months, and a writer allowed three open
    List<ContractRecord> records = new ArrayList<>();
    for (int line = 2; line < 40_002; line++) {
      records.add(record(line, LocalDate.of(2020, 1 + line % 10, 20)));
    }
    PartitionedContractWriter writer =
        new PartitionedContractWriter(staging, "202105_Compras_csv", 3, Long.MAX_VALUE);

    // when
    int mostOpen = writeInChunks(writer, records, 1000);

    // then
    assertThat(mostOpen).isEqualTo(3);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      String rows = parts("part-202105_Compras_csv*.parquet");
      assertEveryRecordOnceInItsMonthInInputOrder(s, rows, records.size());
      assertThat(one(s, "select count(distinct filename) from " + rows)).isGreaterThan(10);
    }
  }

  /**
   * Opens the writer, writes the records in chunks of {@code size} and closes it, as a step does.
   *
   * @return the most writers open after a chunk
   */
  private static int writeInChunks(
      PartitionedContractWriter writer, List<ContractRecord> records, int size) throws Exception {
    writer.open(new org.springframework.batch.item.ExecutionContext());
    int mostOpen = 0;
    for (int from = 0; from < records.size(); from += size) {
      writer.write(new Chunk<>(records.subList(from, Math.min(records.size(), from + size))));
      mostOpen = Math.max(mostOpen, writer.openWriters());
    }
    writer.close();
    return mostOpen;
  }

  /** The rows of the staged parts matching {@code glob}, with file name and row number. */
  private String parts(String glob) {
    return "read_parquet('"
        + staging.resolve("**").resolve(glob)
        + "', hive_partitioning = true, filename = true, file_row_number = true)";
  }

  /** Each record written once, in its signature month's folder, files in input order. */
  private static void assertEveryRecordOnceInItsMonthInInputOrder(
      Statement s, String rows, int records) throws SQLException {
    assertThat(one(s, "select count(*) from " + rows)).isEqualTo(records);
    assertThat(one(s, "select count(distinct source_record) from " + rows)).isEqualTo(records);
    assertThat(
            one(
                s,
                "select count(*) from "
                    + rows
                    + " where sign_year <> year(signature_date)"
                    + " or sign_month <> month(signature_date)"))
        .isZero();
    assertThat(
            one(
                s,
                "select count(*) from (select source_record - lag(source_record) over"
                    + " (partition by filename order by file_row_number) as step from "
                    + rows
                    + ") where step <= 0"))
        .isZero();
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static ContractRecord record(int line, LocalDate signed) {
    return new ContractRecord(
        RecordSource.PORTAL_COMPRAS,
        "202105_Compras.csv",
        line,
        "run",
        "hash" + line,
        "C" + line,
        null,
        null,
        null,
        null,
        "153052",
        null,
        RegionResolution.unresolved(),
        SupplierId.classify("11222333000181"),
        null,
        Modality.NOT_INFORMED,
        null,
        null,
        null,
        signed,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /** A record with a unit (one of ten) and an object text of its own. */
  private static ContractRecord described(int line, LocalDate signed) {
    ContractRecord bare = record(line, signed);
    int unit = line % 10;
    return new ContractRecord(
        bare.source(),
        bare.sourceFile(),
        bare.sourceRecord(),
        bare.ingestRunId(),
        bare.recordHash(),
        bare.contractNumber(),
        null,
        null,
        null,
        null,
        Integer.toString(153052 + unit),
        "HOSPITAL UNIVERSITARIO " + unit,
        bare.region(),
        bare.supplier(),
        null,
        bare.modality(),
        null,
        null,
        "Aquisição de material hospitalar, lote " + line,
        signed,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }
}
