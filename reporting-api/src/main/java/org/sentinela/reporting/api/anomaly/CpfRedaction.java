package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import org.sentinela.model.CpfText;

/**
 * Replaces a person's CPF, wherever it shows up in an anomaly's free text or evidence, with the
 * public mask {@code ***.456.789-**}: the detectors may quote the supplier in their explanations.
 */
final class CpfRedaction {

  private final CpfText cpf;

  private CpfRedaction(CpfText cpf) {
    this.cpf = cpf;
  }

  /** The redaction for a supplier: a no-op unless it is a CPF. */
  static CpfRedaction forSupplier(String supplierId, String supplierKind) {
    return new CpfRedaction(CpfText.forSupplier(supplierId, supplierKind));
  }

  /** Whether there is nothing to mask: the supplier is not a person. */
  boolean isNoOp() {
    return cpf.isNoOp();
  }

  /** {@code text} with the CPF, bare or punctuated, replaced by its mask. */
  String text(String text) {
    return cpf.redact(text);
  }

  /** A copy of {@code json} with the CPF masked in every string value and matching number. */
  JsonNode json(JsonNode json) {
    if (cpf.isNoOp()) {
      return json;
    }
    JsonNode copy = json.deepCopy();
    return redact(copy);
  }

  private JsonNode redact(JsonNode node) {
    if (node.isTextual()) {
      return new TextNode(text(node.textValue()));
    }
    if (node.isIntegralNumber() && cpf.isCpf(node.asText())) {
      return new TextNode(cpf.mask());
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(redact(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redact(array.get(i)));
      }
    }
    return node;
  }
}
