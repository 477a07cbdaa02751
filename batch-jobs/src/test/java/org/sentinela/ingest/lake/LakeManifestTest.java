package org.sentinela.ingest.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeManifestTest {

  @TempDir Path lake;

  @Test
  void aFilesPartsAreItsFirstPartAndItsNumberedFurtherParts() {
    String slug = "202105_Compras_csv";
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv.parquet", slug)).isTrue();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv.2.parquet", slug)).isTrue();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv.17.parquet", slug)).isTrue();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv_2.parquet", slug)).isFalse();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv..parquet", slug)).isFalse();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv.x.parquet", slug)).isFalse();
    assertThat(LakeManifest.isPartOf("part-202105_Compras.parquet", slug)).isFalse();
    assertThat(LakeManifest.isPartOf("part-202105_Compras_csv.parquet.crc", slug)).isFalse();
  }

  @Test
  void carryingOverAFileTakesEveryOneOfItsPartsAndNoOtherFilesParts() throws Exception {
    // given: a snapshot with two parts of one file's month and one part of another file
    Path from = lake.resolve("snapshot-1");
    Path month = from.resolve("sign_year=2021/sign_month=5");
    Files.createDirectories(month);
    Files.writeString(month.resolve("part-202105_Compras_csv.parquet"), "first");
    Files.writeString(month.resolve("part-202105_Compras_csv.2.parquet"), "second");
    Files.writeString(month.resolve("part-202106_Compras_csv.parquet"), "other");
    Path to = lake.resolve("snapshot-2");

    // when
    LakeManifest.carryOver(from, to, "202105_Compras_csv");

    // then
    Path carried = to.resolve("sign_year=2021/sign_month=5");
    try (var files = Files.list(carried)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .isEqualTo(
              List.of("part-202105_Compras_csv.2.parquet", "part-202105_Compras_csv.parquet"));
    }
    assertThat(Files.readString(carried.resolve("part-202105_Compras_csv.2.parquet")))
        .isEqualTo("second");
  }
}
