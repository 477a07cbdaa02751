package org.sentinela.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SupplierIdTest {

  // Synthetic identifiers with valid check digits (no real person or company).
  private static final String SYNTHETIC_CPF = "12345678909";
  private static final String SYNTHETIC_CNPJ = "11222333000181";

  @Test
  void classifiesEveryKindThePortalPublishes() {
    assertThat(SupplierId.classify(SYNTHETIC_CNPJ))
        .isEqualTo(new SupplierId(SYNTHETIC_CNPJ, SupplierKind.CNPJ, true));
    assertThat(SupplierId.classify(SYNTHETIC_CPF))
        .isEqualTo(new SupplierId(SYNTHETIC_CPF, SupplierKind.CPF, true));
    assertThat(SupplierId.classify("-11").kind()).isEqualTo(SupplierKind.CLASSIFIED);
    assertThat(SupplierId.classify("EX1134806").kind()).isEqualTo(SupplierKind.FOREIGN);
    assertThat(SupplierId.classify("ESTRANGEIRO_BLOOMBERG_FINANCE_LP").kind())
        .isEqualTo(SupplierKind.FOREIGN);
    assertThat(SupplierId.classify("024214210"))
        .isEqualTo(new SupplierId("024214210", SupplierKind.OTHER, false));
    assertThat(SupplierId.classify("0242TESTE").kind()).isEqualTo(SupplierKind.OTHER);
    assertThat(SupplierId.classify("").kind()).isEqualTo(SupplierKind.OTHER);
  }

  @Test
  void keepsButMarksIdentifiersWithWrongCheckDigits() {
    assertThat(SupplierId.classify("12345678900"))
        .isEqualTo(new SupplierId("12345678900", SupplierKind.CPF, false));
    assertThat(SupplierId.classify("11222333000182").valid()).isFalse();
    assertThat(SupplierId.classify("00000000000000").valid()).isFalse();
    assertThat(SupplierId.classify("11111111111").valid()).isFalse();
  }

  @Test
  void acceptsPunctuatedForms() {
    assertThat(SupplierId.classify("123.456.789-09"))
        .isEqualTo(new SupplierId(SYNTHETIC_CPF, SupplierKind.CPF, true));
    assertThat(SupplierId.classify("11.222.333/0001-81"))
        .isEqualTo(new SupplierId(SYNTHETIC_CNPJ, SupplierKind.CNPJ, true));
  }

  @Test
  void masksCpfsInPublicFormOnly() {
    assertThat(SupplierId.classify(SYNTHETIC_CPF).publicForm()).isEqualTo("***.456.789-**");
    assertThat(SupplierId.classify(SYNTHETIC_CNPJ).publicForm()).isEqualTo(SYNTHETIC_CNPJ);
    assertThat(SupplierId.maskCpf("123")).isEqualTo("***********");
    assertThat(SupplierId.maskCpf(null)).isEqualTo("***********");
  }
}
