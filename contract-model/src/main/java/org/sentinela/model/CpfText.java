package org.sentinela.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A CPF supplier's number, bare or punctuated, replaced by its public mask ({@code ***.456.789-**})
 * in a flag's free text: the detectors may quote the supplier in an explanation. The API and the
 * flag export both mask text with it.
 */
public final class CpfText {

  private final List<String> forms;
  private final String mask;

  private CpfText(List<String> forms, String mask) {
    this.forms = forms;
    this.mask = mask;
  }

  /** The redaction for one flag's supplier: a no-op unless its kind is CPF. */
  public static CpfText forSupplier(String supplierId, String supplierKind) {
    if (!SupplierKind.CPF.name().equals(supplierKind) || supplierId == null) {
      return new CpfText(List.of(), "");
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
    return new CpfText(List.copyOf(forms), SupplierId.maskCpf(supplierId));
  }

  /** The supplier id as it may be shown: masked for a CPF, as stored otherwise. */
  public static String publicId(String supplierId, String supplierKind) {
    return SupplierKind.CPF.name().equals(supplierKind)
        ? SupplierId.maskCpf(supplierId)
        : supplierId;
  }

  /** Whether there is nothing to mask: the supplier is not a person. */
  public boolean isNoOp() {
    return forms.isEmpty();
  }

  /** Whether {@code value} is the CPF itself, bare or punctuated (e.g. a number in evidence). */
  public boolean isCpf(String value) {
    return forms.contains(value);
  }

  /** The public mask of the supplier's CPF. */
  public String mask() {
    return mask;
  }

  /** {@code text} with the supplier's CPF replaced by its mask; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String form : forms) {
      out = out.replace(form, mask);
    }
    return out;
  }
}
