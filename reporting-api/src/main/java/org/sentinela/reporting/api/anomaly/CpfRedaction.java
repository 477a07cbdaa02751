package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

/**
 * Replaces a person's CPF, wherever it shows up in an anomaly's free text or evidence, with the
 * public mask {@code ***.456.789-**}: the detectors may quote the supplier in their explanations.
 */
final class CpfRedaction {

  private static final CpfRedaction NONE = new CpfRedaction(List.of(), "");

  private final List<String> forms;
  private final String mask;

  private CpfRedaction(List<String> forms, String mask) {
    this.forms = forms;
    this.mask = mask;
  }

  /** The redaction for a supplier: a no-op unless it is a CPF. */
  static CpfRedaction forSupplier(String supplierId, String supplierKind) {
    if (!SupplierKind.CPF.name().equals(supplierKind) || supplierId == null) {
      return NONE;
    }
    String digits = supplierId.replaceAll("[^0-9]", "");
    List<String> forms = new ArrayList<>();
    if (!supplierId.isBlank()) {
      forms.add(supplierId);
    }
    if (digits.length() == 11) {
      forms.add(digits);
      forms.add(
          digits.substring(0, 3)
              + "."
              + digits.substring(3, 6)
              + "."
              + digits.substring(6, 9)
              + "-"
              + digits.substring(9));
    }
    return new CpfRedaction(List.copyOf(forms), SupplierId.maskCpf(supplierId));
  }

  /** {@code text} with the CPF, bare or punctuated, replaced by its mask. */
  String text(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String form : forms) {
      out = out.replace(form, mask);
    }
    return out;
  }

  /** A copy of {@code json} with the CPF masked in every string value and matching number. */
  JsonNode json(JsonNode json) {
    if (forms.isEmpty()) {
      return json;
    }
    JsonNode copy = json.deepCopy();
    return redact(copy);
  }

  private JsonNode redact(JsonNode node) {
    if (node.isTextual()) {
      return new TextNode(text(node.textValue()));
    }
    if (node.isIntegralNumber() && forms.contains(node.asText())) {
      return new TextNode(mask);
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
