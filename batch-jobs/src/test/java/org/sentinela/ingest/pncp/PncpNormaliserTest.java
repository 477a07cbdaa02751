package org.sentinela.ingest.pncp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierKind;

/** The PNCP normaliser on real records of the committed slice, with exact expected values. */
class PncpNormaliserTest {

  static final RegionResolver REGIONS = RegionResolver.fromBundledIbgeTable();
  private final PncpNormaliser normaliser = new PncpNormaliser("run-7", REGIONS);

  @Test
  void mapsARealStateCommitmentFieldByField() {
    JsonRecord record = PncpSlice.record(1);

    ContractRecord c = normaliser.normalise(record, record.sha256());

    assertThat(c.source()).isEqualTo(RecordSource.PNCP);
    assertThat(c.sourceFile()).isEqualTo("contratos-slice.json");
    assertThat(c.sourceRecord()).isEqualTo(1);
    assertThat(c.ingestRunId()).isEqualTo("run-7");
    assertThat(c.recordHash()).isEqualTo(record.sha256());
    assertThat(c.contractNumber()).isEqualTo("07954480000179-2-018042/2026");
    assertThat(c.superiorOrganCode()).isNull();
    assertThat(c.organCode()).isEqualTo("07954480000179");
    assertThat(c.organName()).isEqualTo("ESTADO DO CEARA");
    assertThat(c.unitCode()).isEqualTo("07954480000179/228769");
    assertThat(c.unitName()).isEqualTo("EEM PATATIVA DO ASSARE");
    assertThat(c.region()).isEqualTo(new RegionResolution("CE", "2301604", "SOURCE_FIELD", 1.0));
    assertThat(c.supplier().value()).isEqualTo("53066849000124");
    assertThat(c.supplier().kind()).isEqualTo(SupplierKind.CNPJ);
    assertThat(c.supplier().valid()).isTrue();
    assertThat(c.supplierName()).isEqualTo("M.G.C. DE ALMEIDA GOMES");
    assertThat(c.modality()).isEqualTo(Modality.NOT_INFORMED);
    assertThat(c.modalityRaw()).isNull();
    assertThat(c.legalBasis()).isNull();
    assertThat(c.objectText())
        .isEqualTo(
            "MATERIAL DE LIMPEZA E PRODUÇÃO DE HIGIENIZAÇÃO - PATATIVA DO ASSARÉ EEM - ASSARE -"
                + " CREDE 18");
    assertThat(c.signatureDate()).isEqualTo(LocalDate.of(2026, 5, 14));
    assertThat(c.publicationDate()).isEqualTo(LocalDate.of(2026, 6, 5));
    assertThat(c.startDate()).isEqualTo(LocalDate.of(2026, 6, 3));
    assertThat(c.endDate()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(c.initialValue().toPlainString()).isEqualTo("3544.9500");
    assertThat(c.finalValue().toPlainString()).isEqualTo("3544.9500");
    assertThat(c.qualityFlags()).isEmpty();
    assertThat(c.naturalKey())
        .isEqualTo("07954480000179/228769|07954480000179-2-018042/2026|53066849000124");
  }

  @Test
  void keepsFourDecimalValuesAndCentsExactly() {
    ContractRecord fourDecimals = normalise(45);
    ContractRecord cents = normalise(49);

    assertThat(fourDecimals.initialValue().toPlainString()).isEqualTo("17699.9993");
    assertThat(fourDecimals.finalValue().toPlainString()).isEqualTo("17699.9993");
    assertThat(cents.initialValue().toPlainString()).isEqualTo("348752.0000");
    assertThat(cents.finalValue().toPlainString()).isEqualTo("348752.6300");
    assertThat(cents.qualityFlags()).isEmpty();
  }

  @Test
  void marksZeroValuesWithoutRejecting() {
    ContractRecord initialZero = normalise(39);
    ContractRecord bothZero = normalise(27);

    assertThat(initialZero.initialValue().toPlainString()).isEqualTo("0.0000");
    assertThat(initialZero.finalValue().toPlainString()).isEqualTo("28973.2400");
    assertThat(initialZero.qualityFlags()).containsExactly(DataQualityFlag.ZERO_VALUE);
    assertThat(bothZero.qualityFlags()).containsExactly(DataQualityFlag.ZERO_VALUE);
    assertThat(bothZero.supplierName()).isEqualTo("a p s castro comercio ltda");
    assertThat(bothZero.region())
        .isEqualTo(new RegionResolution("PA", "1506807", "SOURCE_FIELD", 1));
  }

  @Test
  void qualifiesUnitCodesThatOnlyMeanSomethingInsideTheirOrgan() {
    ContractRecord recife = normalise(39);
    ContractRecord santaRosa = normalise(49);
    ContractRecord zeros = normalise(22);

    assertThat(recife.unitCode()).isEqualTo("10234992000175/1");
    assertThat(santaRosa.unitCode()).isEqualTo("87712212000180/1");
    assertThat(zeros.unitCode()).isEqualTo("91110296000159/0000");
    assertThat(normalise(21).unitCode()).isEqualTo("27165711000172/27165711000172-001");
  }

  @Test
  void keepsMojibakeAndTheLostCharacterMarkAsPublished() {
    ContractRecord mojibake = normalise(10);
    ContractRecord lostDash = normalise(8);

    assertThat(mojibake.supplierName()).isEqualTo("PROHOSPITAL COMÃ¿RCIO HOLANDA LTDA");
    assertThat(normalise(33).supplierName()).isEqualTo("TRANSCOL - MATERIAL DE CONTRUÃ‡ÃƒO LTDA");
    assertThat(lostDash.objectText())
        .startsWith("COTAÇÃO ELETRÔNICA Nº 0015/2026 ¿ AQUISIÇÃO DE MATERIAL DE CONSUMO (MATERIAL")
        .doesNotContain("\r")
        .doesNotContain("\n");
    assertThat(mojibake.qualityFlags()).isEmpty();
  }

  @Test
  void cleansTheObjectAndTrimsNames() {
    ContractRecord prefixed = normalise(43);
    ContractRecord spaced = normalise(4);

    assertThat(prefixed.objectText()).startsWith("SERVIÇOS DE COLETA, TRANSPORTE E DISTRIBUIÇÃO");
    assertThat(prefixed.unitName()).isEqualTo("ESCRITóRIO REGIONAL OPERAçãO PIPA/ 6 RM");
    assertThat(spaced.supplierName()).isEqualTo("CENTRO DE FORMACAO DE CONDUTORES ARRUDA LTDA");
    assertThat(normalise(46).unitName())
        .isEqualTo("Secretaria Municipal de Cerimoniais e Eventos Oficiais");
  }

  @Test
  void aForeignMarkedSupplierWithACpfStaysACpfSoItIsMasked() {
    ContractRecord c = normalise(46);

    assertThat(c.supplier().kind()).isEqualTo(SupplierKind.CPF);
    assertThat(c.supplier().value()).isEqualTo("12345678909");
    assertThat(c.supplier().valid()).isTrue();
    assertThat(c.supplier().publicForm()).isEqualTo("***.456.789-**");
    assertThat(c.region()).isEqualTo(new RegionResolution("RN", "2400208", "SOURCE_FIELD", 1));
  }

  @Test
  void readsFederalSalesAndLatePublications() {
    ContractRecord sale = normalise(14);
    ContractRecord late = normalise(48);

    assertThat(sale.organCode()).isEqualTo("00394460005887");
    assertThat(sale.region()).isEqualTo(new RegionResolution("SP", "3550308", "SOURCE_FIELD", 1));
    assertThat(sale.qualityFlags()).isEmpty();
    assertThat(late.contractNumber()).isEqualTo("10572014001024-2-000001/2024");
    assertThat(late.signatureDate()).isEqualTo(LocalDate.of(2024, 8, 21));
    assertThat(late.publicationDate()).isEqualTo(LocalDate.of(2026, 6, 5));
    assertThat(late.endDate()).isEqualTo(LocalDate.of(2025, 8, 20));
    assertThat(late.qualityFlags()).isEmpty();
  }

  @Test
  void everyRecordOfTheSliceIsAcceptedWithASourceRegion() {
    for (JsonRecord record : PncpSlice.records()) {
      ContractRecord c = normaliser.normalise(record, record.sha256());
      assertThat(c.region().method()).isEqualTo("SOURCE_FIELD");
      assertThat(c.region().municipalityIbgeCode()).matches("\\d{7}");
      assertThat(c.initialValue().scale()).isEqualTo(4);
      assertThat(c.contractNumber()).startsWith(c.organCode() + "-2-");
    }
  }

  private ContractRecord normalise(int sliceIndex) {
    JsonRecord record = PncpSlice.record(sliceIndex);
    return normaliser.normalise(record, record.sha256());
  }
}
