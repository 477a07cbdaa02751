package org.sentinela.ingest.comprasgov;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.json.JsonContractProcessor;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierKind;

/** The Contratos.gov.br normaliser on real records of the slice, with exact expected values. */
class ComprasGovNormaliserTest {

  static final RegionResolver REGIONS = RegionResolver.fromBundledIbgeTable();
  private final ComprasGovNormaliser normaliser = new ComprasGovNormaliser("run-3", REGIONS);

  @Test
  void mapsARealContractFieldByField() {
    JsonRecord record = ComprasGovSlice.record(1);

    ContractRecord c = normaliser.normalise(record, record.sha256());

    assertThat(c.source()).isEqualTo(RecordSource.CONTRATOS_GOV_BR);
    assertThat(c.sourceRecord()).isEqualTo(1);
    assertThat(c.contractNumber()).isEqualTo("00065/2020");
    assertThat(c.superiorOrganCode()).isNull();
    assertThat(c.organCode()).isEqualTo("29000");
    assertThat(c.organName()).isEqualTo("DEFENSORIA PUBLICA DA UNIAO");
    assertThat(c.unitCode()).isEqualTo("290002");
    assertThat(c.unitName()).isEqualTo("DPU-SECRETARIA DE EXECUCAO ORCAM. FINANCEIRA");
    assertThat(c.region()).isEqualTo(RegionResolution.unresolved());
    assertThat(c.supplier().value()).isEqualTo("806030");
    assertThat(c.supplier().kind()).isEqualTo(SupplierKind.OTHER);
    assertThat(c.supplierName()).isEqualTo("SERPRO - SEDE - BRASILIA");
    assertThat(c.modality()).isEqualTo(Modality.DISPENSA);
    assertThat(c.modalityRaw()).isEqualTo("Dispensa");
    assertThat(c.legalBasis()).isNull();
    assertThat(c.objectText())
        .startsWith("PRESTAÇÃO DE SERVIÇOS DE INFORMÁTICA PARA DESENVOLVIMENTO");
    assertThat(c.signatureDate()).isEqualTo(LocalDate.of(2020, 5, 5));
    assertThat(c.publicationDate()).isEqualTo(LocalDate.of(2020, 5, 8));
    assertThat(c.startDate()).isEqualTo(LocalDate.of(2020, 5, 5));
    assertThat(c.endDate()).isEqualTo(LocalDate.of(2022, 11, 4));
    assertThat(c.initialValue().toPlainString()).isEqualTo("1684134.7200");
    assertThat(c.finalValue().toPlainString()).isEqualTo("1788382.6600");
    assertThat(c.qualityFlags()).isEmpty();
    assertThat(c.naturalKey()).isEqualTo("290002|00065/2020|806030");
  }

  @Test
  void readsFormattedCnpjsAndOtherIdentifiers() {
    ContractRecord company = normalise(3);
    ContractRecord generic = normalise(17);

    assertThat(company.supplier().value()).isEqualTo("61600839000155");
    assertThat(company.supplier().kind()).isEqualTo(SupplierKind.CNPJ);
    assertThat(company.supplier().valid()).isTrue();
    assertThat(company.initialValue().toPlainString()).isEqualTo("34847165.5200");
    assertThat(generic.supplier().value()).isEqualTo("037469380");
    assertThat(generic.supplier().kind()).isEqualTo(SupplierKind.OTHER);
    assertThat(generic.qualityFlags()).isEmpty();
    assertThat(generic.legalBasis()).isEqualTo("DECRETO 10.024/2019 - Artigo: 1");
  }

  @Test
  void normalisesTheModalitiesOfThisSource() {
    assertThat(normalise(6).modality()).isEqualTo(Modality.NOT_INFORMED);
    assertThat(normalise(6).modalityRaw()).isEqualTo("Não se Aplica");
    assertThat(normalise(12).modality()).isEqualTo(Modality.INEXIGIBILIDADE);
    assertThat(normalise(19).modality()).isEqualTo(Modality.CONCORRENCIA);
    assertThat(normalise(3).modality()).isEqualTo(Modality.PREGAO);
  }

  @Test
  void flagsTheValueOdditiesOfRealRecords() {
    assertThat(normalise(4).qualityFlags()).containsExactly(DataQualityFlag.FINAL_BELOW_INITIAL);
    assertThat(normalise(13).qualityFlags())
        .containsExactly(DataQualityFlag.FINAL_ABOVE_10X_INITIAL);
    assertThat(normalise(16).initialValue().toPlainString()).isEqualTo("0.0000");
    assertThat(normalise(16).qualityFlags()).containsExactly(DataQualityFlag.ZERO_VALUE);
    assertThat(normalise(23).qualityFlags())
        .containsExactly(DataQualityFlag.ZERO_VALUE, DataQualityFlag.FINAL_BELOW_INITIAL);
    assertThat(normalise(25).finalValue().toPlainString()).isEqualTo("115934608.2000");
  }

  @Test
  void flagsTheDateOdditiesOfRealRecords() {
    ContractRecord sentinel = normalise(15);
    ContractRecord noEnd = normalise(21);
    ContractRecord unpublished = normalise(22);

    assertThat(sentinel.endDate()).isNull();
    assertThat(sentinel.qualityFlags()).containsExactly(DataQualityFlag.SENTINEL_END_DATE);
    assertThat(noEnd.endDate()).isNull();
    assertThat(noEnd.qualityFlags()).containsExactly(DataQualityFlag.MISSING_END_DATE);
    assertThat(unpublished.publicationDate()).isNull();
    assertThat(unpublished.contractNumber()).isEqualTo("2024NE000846");
    assertThat(unpublished.qualityFlags()).isEmpty();
  }

  @Test
  void twoRegistrationsOfOneContractAreNotExactDuplicatesButShareTheNaturalKey() throws Exception {
    JsonContractProcessor processor = new JsonContractProcessor(normaliser);

    ContractRecord first = processor.process(ComprasGovSlice.record(8));
    ContractRecord second = processor.process(ComprasGovSlice.record(9));

    assertThat(first).isNotNull();
    assertThat(second).isNotNull();
    assertThat(second.recordHash()).isNotEqualTo(first.recordHash());
    assertThat(second.naturalKey())
        .isEqualTo(first.naturalKey())
        .isEqualTo("290002|00096/2020|06236934000103");
  }

  @Test
  void everyRecordOfTheSliceIsAccepted() {
    for (JsonRecord record : ComprasGovSlice.records()) {
      ContractRecord c = normaliser.normalise(record, record.sha256());
      assertThat(c.unitCode()).isEqualTo("290002");
      assertThat(c.finalValue().scale()).isEqualTo(4);
    }
  }

  private ContractRecord normalise(int sliceIndex) {
    JsonRecord record = ComprasGovSlice.record(sliceIndex);
    return normaliser.normalise(record, record.sha256());
  }
}
