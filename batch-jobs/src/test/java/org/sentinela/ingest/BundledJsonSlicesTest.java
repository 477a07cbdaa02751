package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.comprasgov.ComprasGovContractReader;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.json.JsonSlices;
import org.sentinela.ingest.pncp.PncpContractReader;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

/** Guards the committed JSON slices: real public data, but no real person's CPF. */
class BundledJsonSlicesTest {

  /**
   * The one CPF allowed: synthetic (valid check digits), replacing a real one in the PNCP slice.
   */
  private static final String SYNTHETIC_CPF = "12345678909";

  private static final Pattern CPF_LIKE =
      Pattern.compile("(?<!\\d)\\d{11}(?!\\d)|\\d{3}[. ]\\d{3}[. ]\\d{3}|CPF\\W*\\d");

  @Test
  void thePncpSliceHasNoIndividualSupplierAndNoCpfWrittenOut() {
    Path file = JsonSlices.resource(PncpContractReader.class, "contratos-slice.json");
    List<String> offending = new ArrayList<>();
    List<JsonRecord> records = JsonSlices.readAll(new PncpContractReader(file));
    for (JsonRecord r : records) {
      String supplier = r.text("niFornecedor");
      boolean synthetic = SYNTHETIC_CPF.equals(supplier);
      if ("PF".equals(r.text("tipoPessoa")) || isCpf(supplier) && !synthetic) {
        offending.add(r.index() + " supplier is an individual: " + r.text("tipoPessoa"));
      }
      scan(r, r.fields(), "", Map.of("niFornecedor", synthetic), offending);
    }
    assertThat(records).hasSizeGreaterThan(40);
    assertThat(offending).isEmpty();
  }

  @Test
  void theContratosSliceHasNoIndividualSupplierAndNoCpfWrittenOut() {
    Path file = JsonSlices.resource(ComprasGovContractReader.class, "contratos-slice.json");
    List<String> offending = new ArrayList<>();
    List<JsonRecord> records = JsonSlices.readAll(new ComprasGovContractReader(file));
    for (JsonRecord r : records) {
      if ("FISICA".equals(r.text("fornecedor", "tipo"))
          || isCpf(r.text("fornecedor", "cnpj_cpf_idgener"))) {
        offending.add(r.index() + " supplier is an individual");
      }
      scan(r, r.fields(), "", Map.of(), offending);
    }
    assertThat(records).hasSizeGreaterThan(30);
    assertThat(offending).isEmpty();
  }

  private static boolean isCpf(String id) {
    return SupplierId.classify(id).kind() == SupplierKind.CPF;
  }

  /** Every text of the record except money ("valor…") and links, and the allowed fields. */
  private static void scan(
      JsonRecord r, JsonNode node, String name, Map<String, Boolean> allowed, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        boolean skip = e.getKey().startsWith("valor") || e.getKey().equals("links");
        if (!skip && !allowed.getOrDefault(e.getKey(), false)) {
          scan(r, e.getValue(), e.getKey(), allowed, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> scan(r, element, name, allowed, out));
    } else if (node.isTextual() && CPF_LIKE.matcher(node.textValue()).find()) {
      out.add(r.index() + " " + name + " looks like a CPF");
    }
  }
}
