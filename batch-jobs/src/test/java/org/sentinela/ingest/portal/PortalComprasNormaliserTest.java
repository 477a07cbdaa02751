package org.sentinela.ingest.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.SupplierKind;

class PortalComprasNormaliserTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");
  private final PortalComprasNormaliser normaliser =
      new PortalComprasNormaliser("run-1", RegionResolver.fromBundledIbgeTable());

  @Test
  void readsARealRowWithExactMoneyDatesAndACleanObject() throws IOException {
    // given: the R$ 10 billion water-supply row of May 2021 (line 470 of the slice) (a scale slip,
    // accepted and marked)
    PortalComprasRow row = realRow("202105_Compras.csv", 470);

    ContractRecord record = normaliser.normalise(row, PortalComprasNormaliser.recordHash(row));

    assertThat(record.contractNumber()).isEqualTo("22017");
    assertThat(record.initialValue()).isEqualByComparingTo("10000000000.0000");
    assertThat(record.objectText()).startsWith("PRESTAÇÃO DOS SERVIÇOS DE FORNEC");
    assertThat(record.qualityFlags()).contains(DataQualityFlag.VALUE_ABOVE_1_BILLION);
    assertThat(record.supplier().kind()).isEqualTo(SupplierKind.CNPJ);
    assertThat(record.sourceFile()).isEqualTo("202105_Compras.csv");
    assertThat(record.sourceRecord()).isEqualTo(470);
    assertThat(record.naturalKey())
        .isEqualTo(record.unitCode() + "|22017|" + record.supplier().value());
  }

  @Test
  void treatsTheYear2099AsNoEndDate() throws IOException {
    PortalComprasRow row = realRow("202101_Compras.csv", 465);

    ContractRecord record = normaliser.normalise(row, "h");

    assertThat(record.endDate()).isNull();
    assertThat(record.qualityFlags()).contains(DataQualityFlag.SENTINEL_END_DATE);
  }

  @Test
  void removesControlCharactersFromTheObject() throws IOException {
    PortalComprasRow row = realRow("202101_Compras.csv", 269);

    ContractRecord record = normaliser.normalise(row, "h");

    assertThat(record.objectText()).doesNotContainPattern("\\p{Cntrl}");
    assertThat(record.qualityFlags()).contains(DataQualityFlag.CONTROL_CHARACTERS_REMOVED);
  }

  @Test
  void marksSuspiciousValuesWithoutRejecting() {
    ContractRecord zero = normaliser.normalise(crafted("0,0000", "0,0000", "01/02/2021"), "h");
    ContractRecord negative =
        normaliser.normalise(crafted("234980,1600", "-13992,9600", "01/02/2021"), "h");
    ContractRecord grown =
        normaliser.normalise(crafted("100,0000", "5000,0000", "01/02/2021"), "h");

    assertThat(zero.qualityFlags()).containsExactly(DataQualityFlag.ZERO_VALUE);
    assertThat(negative.qualityFlags())
        .contains(DataQualityFlag.NEGATIVE_VALUE, DataQualityFlag.FINAL_BELOW_INITIAL);
    assertThat(grown.qualityFlags()).containsExactly(DataQualityFlag.FINAL_ABOVE_10X_INITIAL);
    assertThat(grown.modality()).isEqualTo(Modality.DISPENSA);
  }

  @Test
  void rejectsWhatCannotBeStoredWithAReason() {
    assertRejected(crafted("12,34,56", "1,0000", "01/02/2021"), RejectionReason.INVALID_VALUE);
    assertRejected(
        crafted("100000000000000,0000", "1,0000", "01/02/2021"),
        RejectionReason.VALUE_OUT_OF_RANGE);
    assertRejected(crafted("1,0000", "1,0000", "31/02/2021"), RejectionReason.INVALID_DATE);
    assertRejected(crafted("1,0000", "1,0000", ""), RejectionReason.MISSING_SIGNATURE_DATE);
    assertRejected(
        crafted("1,0000", "1,0000", "01/02/1921"), RejectionReason.IMPOSSIBLE_SIGNATURE_DATE);
  }

  @Test
  void acceptsOldButPossibleSignatureDatesWithAMark() {
    ContractRecord old = normaliser.normalise(crafted("1,0000", "1,0000", "28/08/1996"), "h");

    assertThat(old.signatureDate()).isEqualTo(LocalDate.of(1996, 8, 28));
    assertThat(old.qualityFlags()).contains(DataQualityFlag.SIGNED_BEFORE_2000);
  }

  private void assertRejected(PortalComprasRow row, RejectionReason reason) {
    assertThatThrownBy(() -> normaliser.normalise(row, "h"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static PortalComprasRow realRow(String file, int lineNumber) throws IOException {
    List<String> lines = Files.readAllLines(SAMPLE.resolve(file), PortalComprasFormat.CHARSET);
    return new PortalComprasLineMapper(file).mapLine(lines.get(lineNumber - 1), lineNumber);
  }

  private static PortalComprasRow crafted(String initial, String fin, String signed) {
    return new PortalComprasLineMapper("crafted.csv")
        .mapLine(ComprasFixtures.line("12021", initial, fin, signed), 2);
  }
}
