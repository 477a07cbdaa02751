package org.sentinela.ingest;

import java.util.List;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

/**
 * Text and supplier rules every source's normaliser applies: required fields, supplier flags and
 * the cleaned object text. Money and dates: {@link MoneyRules}, {@link DateRules}.
 */
public final class ContractRules {

  private ContractRules() {}

  /** The trimmed text, or a rejection with the reason when it is missing or blank. */
  public static String required(String text, RejectionReason reason, String field) {
    if (text == null || text.isBlank()) {
      throw new RecordRejectedException(reason, field + " is missing");
    }
    return text.strip();
  }

  /** Flags a CPF/CNPJ with wrong check digits and a missing supplier name. */
  public static void checkSupplier(SupplierId supplier, String name, List<DataQualityFlag> flags) {
    boolean checkable = supplier.kind() == SupplierKind.CNPJ || supplier.kind() == SupplierKind.CPF;
    if (checkable && !supplier.valid()) {
      flags.add(DataQualityFlag.INVALID_SUPPLIER_ID);
    }
    if (name == null) {
      flags.add(DataQualityFlag.MISSING_SUPPLIER_NAME);
    }
  }

  /** The cleaned object text (null when empty), flagging removed control characters. */
  public static String objectText(String raw, List<DataQualityFlag> flags) {
    if (ObjectTextCleaner.hasControlCharacters(raw)) {
      flags.add(DataQualityFlag.CONTROL_CHARACTERS_REMOVED);
    }
    return blankToNull(ObjectTextCleaner.clean(raw));
  }

  /** The stripped text, or null when null or blank. */
  public static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
