package org.sentinela.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpfTextTest {

  @Test
  void masksAPersonsCpfBareAndPunctuatedInText() {
    CpfText cpf = CpfText.forSupplier("12345678909", "CPF");

    assertThat(cpf.redact("pago a 12345678909 e a 123.456.789-09"))
        .isEqualTo("pago a ***.456.789-** e a ***.456.789-**");
    assertThat(cpf.isCpf("12345678909")).isTrue();
    assertThat(CpfText.publicId("12345678909", "CPF")).isEqualTo("***.456.789-**");
  }

  @Test
  void leavesACompanysTextAndIdAlone() {
    CpfText cnpj = CpfText.forSupplier("11222333000181", "CNPJ");

    assertThat(cnpj.isNoOp()).isTrue();
    assertThat(cnpj.redact("empresa 11222333000181")).isEqualTo("empresa 11222333000181");
    assertThat(CpfText.publicId("11222333000181", "CNPJ")).isEqualTo("11222333000181");
    assertThat(cnpj.redact(null)).isNull();
  }
}
