package org.sentinela.ingest.comprasgov;

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

/** Crafted changes to a real Contratos.gov.br record: quarantined or accepted and flagged. */
class ComprasGovRejectionsTest {

  private final ComprasGovNormaliser normaliser =
      new ComprasGovNormaliser("run-3", ComprasGovNormaliserTest.REGIONS);

  @Test
  void rejectsRecordsWithoutWhatTheLakeNeeds() {
    assertRejected(r -> r.put("numero", ""), RejectionReason.MISSING_CONTRACT_NUMBER);
    assertRejected(r -> unit(r).putNull("codigo"), RejectionReason.MISSING_UNIT_CODE);
    assertRejected(r -> r.putNull("data_assinatura"), RejectionReason.MISSING_SIGNATURE_DATE);
    assertRejected(r -> r.put("data_assinatura", "05/13/2020"), RejectionReason.INVALID_DATE);
    assertRejected(r -> r.put("valor_global", "1,684,134.72"), RejectionReason.INVALID_VALUE);
    assertRejected(
        r -> r.put("valor_global", "100.000.000.000.000,00"), RejectionReason.VALUE_OUT_OF_RANGE);
  }

  @Test
  void aMissingValueWrittenAsEmptyTextOrNullIsJustMissing() {
    ContractRecord empty = normalise(r -> r.put("valor_inicial", ""));
    ContractRecord nulled = normalise(r -> r.putNull("valor_inicial"));

    assertThat(empty.initialValue()).isNull();
    assertThat(nulled.initialValue()).isNull();
    assertThat(empty.finalValue().toPlainString()).isEqualTo("1788382.6600");
    assertThat(empty.qualityFlags()).isEmpty();
  }

  @Test
  void flagsAnIndividualSupplierWithABadCpfAndAMissingName() {
    ContractRecord c =
        normalise(
            r -> {
              ObjectNode supplier = (ObjectNode) r.get("fornecedor");
              supplier.put("tipo", "FISICA");
              supplier.put("cnpj_cpf_idgener", "123.456.789-00");
              supplier.put("nome", " ");
            });

    assertThat(c.supplier().value()).isEqualTo("12345678900");
    assertThat(c.supplier().publicForm()).isEqualTo("***.456.789-**");
    assertThat(c.qualityFlags())
        .containsExactly(
            DataQualityFlag.INVALID_SUPPLIER_ID, DataQualityFlag.MISSING_SUPPLIER_NAME);
  }

  @Test
  void resolvesTheRegionFromTheUnitNameWhenItSaysWhere() {
    ContractRecord c =
        normalise(r -> unit(r).put("nome", "DEFENSORIA PUBLICA DA UNIAO PORTO ALEGRE/RS"));

    assertThat(c.region().uf()).isEqualTo("RS");
    assertThat(c.region().confidence()).isGreaterThan(0.5);
  }

  private static ObjectNode unit(ObjectNode record) {
    return (ObjectNode) record.get("contratante").get("orgao").get("unidade_gestora");
  }

  private ContractRecord normalise(Consumer<ObjectNode> change) {
    JsonRecord record = JsonSlices.changed(ComprasGovSlice.record(1), change);
    return normaliser.normalise(record, record.sha256());
  }

  private void assertRejected(Consumer<ObjectNode> change, RejectionReason reason) {
    JsonRecord record = JsonSlices.changed(ComprasGovSlice.record(1), change);
    assertThatThrownBy(() -> normaliser.normalise(record, "h"))
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
