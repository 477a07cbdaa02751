package org.sentinela.ingest.pncp;

import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

/**
 * A PNCP supplier's identifier and kind. {@code niFornecedor} is classified like every source's
 * (CNPJ, CPF, …); {@code tipoPessoa} "PE" (pessoa estrangeira) or a country other than BRA makes an
 * identifier that is neither CPF nor CNPJ {@link SupplierKind#FOREIGN}. An 11-digit identifier
 * stays a CPF even when marked PE: the one real case looks like a Brazilian individual, and a CPF
 * must stay masked wherever it is shown.
 */
final class PncpSupplier {

  private static final String FOREIGN_PERSON = "PE";
  private static final String BRAZIL = "BRA";

  private PncpSupplier() {}

  static SupplierId classify(String ni, String tipoPessoa, String countryCode) {
    SupplierId id = SupplierId.classify(ni);
    boolean foreign =
        FOREIGN_PERSON.equalsIgnoreCase(strip(tipoPessoa))
            || (!strip(countryCode).isEmpty() && !BRAZIL.equalsIgnoreCase(strip(countryCode)));
    if (foreign && id.kind() != SupplierKind.CPF && id.kind() != SupplierKind.CNPJ) {
      return new SupplierId(id.value(), SupplierKind.FOREIGN, true);
    }
    return id;
  }

  private static String strip(String text) {
    return text == null ? "" : text.strip();
  }
}
