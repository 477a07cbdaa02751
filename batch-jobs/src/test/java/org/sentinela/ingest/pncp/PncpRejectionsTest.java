package org.sentinela.ingest.pncp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.JsonSlices;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierKind;

/** Crafted changes to a real PNCP record: what is quarantined, what is accepted and flagged. */
class PncpRejectionsTest {

  private final PncpNormaliser normaliser = new PncpNormaliser("run-7", PncpNormaliserTest.REGIONS);

  @Test
  void buildsTheContractNumberFromThePncpSequenceWhenTheControlNumberIsMissing() {
    ContractRecord c = normalise(r -> r.remove("numeroControlePNCP"));

    assertThat(c.contractNumber()).isEqualTo("07954480000179-2-018042/2026");
  }

  @Test
  void rejectsRecordsWithoutWhatTheLakeNeeds() {
    assertRejected(
        r -> r.remove(java.util.List.of("numeroControlePNCP", "sequencialContrato")),
        RejectionReason.MISSING_CONTRACT_NUMBER);
    assertRejected(
        r -> ((ObjectNode) r.get("unidadeOrgao")).put("codigoUnidade", " "),
        RejectionReason.MISSING_UNIT_CODE);
    assertRejected(r -> r.putNull("dataAssinatura"), RejectionReason.MISSING_SIGNATURE_DATE);
    assertRejected(r -> r.put("dataAssinatura", "2026-02-30"), RejectionReason.INVALID_DATE);
    assertRejected(
        r -> r.put("dataAssinatura", "1949-01-01"), RejectionReason.IMPOSSIBLE_SIGNATURE_DATE);
    assertRejected(r -> r.put("valorGlobal", "três mil"), RejectionReason.INVALID_VALUE);
    assertRejected(
        r -> r.put("valorGlobal", new java.math.BigDecimal("3544.95001")),
        RejectionReason.INVALID_VALUE);
    assertRejected(
        r -> r.put("valorGlobal", new java.math.BigDecimal("1E+15")),
        RejectionReason.VALUE_OUT_OF_RANGE);
    assertRejected(
        r -> ((ObjectNode) r.get("unidadeOrgao")).putObject("codigoUnidade"),
        RejectionReason.MALFORMED_LINE);
  }

  @Test
  void acceptsAndFlagsSuspiciousButUsableRecords() {
    ContractRecord huge = normalise(r -> r.put("valorGlobal", new java.math.BigDecimal("2E+9")));
    ContractRecord sentinel = normalise(r -> r.put("dataVigenciaFim", "2099-12-31"));
    ContractRecord inverted = normalise(r -> r.put("dataVigenciaFim", "2026-06-01"));
    ContractRecord noEnd = normalise(r -> r.putNull("dataVigenciaFim"));
    ContractRecord control = normalise(r -> r.put("objetoContrato", "MATERIAL\u0007 DE LIMPEZA"));
    ContractRecord badCnpj = normalise(r -> r.put("niFornecedor", "53066849000125"));

    assertThat(huge.qualityFlags())
        .containsExactly(
            DataQualityFlag.FINAL_ABOVE_10X_INITIAL, DataQualityFlag.VALUE_ABOVE_1_BILLION);
    assertThat(sentinel.endDate()).isNull();
    assertThat(sentinel.qualityFlags()).containsExactly(DataQualityFlag.SENTINEL_END_DATE);
    assertThat(inverted.qualityFlags()).containsExactly(DataQualityFlag.END_BEFORE_START);
    assertThat(noEnd.qualityFlags()).containsExactly(DataQualityFlag.MISSING_END_DATE);
    assertThat(control.objectText()).isEqualTo("MATERIAL DE LIMPEZA");
    assertThat(control.qualityFlags()).containsExactly(DataQualityFlag.CONTROL_CHARACTERS_REMOVED);
    assertThat(badCnpj.qualityFlags()).containsExactly(DataQualityFlag.INVALID_SUPPLIER_ID);
  }

  @Test
  void moneyWrittenAsTextIsReadToo() {
    ContractRecord c = normalise(r -> r.put("valorInicial", "3.544,95"));

    assertThat(c.initialValue().toPlainString()).isEqualTo("3544.9500");
  }

  @Test
  void takesTheModalityOnlyFromAFieldThatCarriesIt() {
    ContractRecord c = normalise(r -> r.put("modalidadeNome", "Pregão - Eletrônico"));

    assertThat(c.modality()).isEqualTo(Modality.PREGAO);
    assertThat(c.modalityRaw()).isEqualTo("Pregão - Eletrônico");
  }

  @Test
  void aForeignSupplierWithoutCpfOrCnpjIsForeign() {
    ContractRecord marked =
        normalise(
            r -> {
              r.put("tipoPessoa", "PE");
              r.put("niFornecedor", "A123456");
            });
    ContractRecord abroad =
        normalise(
            r -> {
              r.put("codigoPaisFornecedor", "USA");
              r.put("niFornecedor", "98-7654321");
            });

    assertThat(marked.supplier().kind()).isEqualTo(SupplierKind.FOREIGN);
    assertThat(marked.supplier().value()).isEqualTo("A123456");
    assertThat(abroad.supplier().kind()).isEqualTo(SupplierKind.FOREIGN);
  }

  @Test
  void fallsBackToTheIbgeCodeThenToTheNames() {
    ContractRecord badUf = normalise(r -> unit(r).put("ufSigla", "XX"));
    ContractRecord clash = normalise(r -> unit(r).put("codigoIbge", "3550308"));
    ContractRecord named =
        normalise(
            r -> {
              unit(r).putNull("ufSigla");
              unit(r).put("codigoIbge", "");
              unit(r).put("nomeUnidade", "UNIVERSIDADE FEDERAL DE GOIAS");
            });

    assertThat(badUf.region()).isEqualTo(new RegionResolution("CE", "2301604", "SOURCE_FIELD", 1));
    assertThat(clash.region()).isEqualTo(new RegionResolution("CE", null, "SOURCE_FIELD", 1));
    assertThat(named.region()).isEqualTo(new RegionResolution("GO", null, "STATE_NAME", 0.85));
  }

  private static ObjectNode unit(ObjectNode record) {
    return (ObjectNode) record.get("unidadeOrgao");
  }

  private ContractRecord normalise(Consumer<ObjectNode> change) {
    JsonRecord record = JsonSlices.changed(PncpSlice.record(1), change);
    return normaliser.normalise(record, record.sha256());
  }

  private void assertRejected(Consumer<ObjectNode> change, RejectionReason reason) {
    JsonRecord record = JsonSlices.changed(PncpSlice.record(1), change);
    assertThatThrownBy(() -> normaliser.normalise(record, "h"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
