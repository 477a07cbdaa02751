package org.sentinela.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MunicipalityDirectoryTest {

  private final MunicipalityDirectory directory = MunicipalityDirectory.load();

  @Test
  void holdsEveryMunicipalityOnceWithItsUf() {
    assertThat(directory.all()).hasSize(5570);
    Set<String> codes = new HashSet<>();
    for (Municipality m : directory.all()) {
      assertThat(codes.add(m.ibgeCode())).as("duplicate %s", m).isTrue();
      assertThat(m.words()).isNotEmpty();
    }
    assertThat(directory.all().stream().filter(Municipality::capital)).hasSize(27);
    assertThat(directory.require(MunicipalityDirectory.BRASILIA_CODE))
        .extracting(Municipality::uf, Municipality::capital)
        .containsExactly("DF", true);
  }

  @Test
  void namesRepeatAcrossUfs() {
    Map<String, Long> ufsByName =
        directory.all().stream()
            .collect(Collectors.groupingBy(Municipality::name, Collectors.counting()));
    assertThat(ufsByName.values().stream().filter(n -> n > 1).count()).isGreaterThan(200);
    assertThat(ufsByName.get("Bom Jesus")).isEqualTo(5);
  }

  @Test
  void keepsAccentedNames() {
    assertThat(directory.require("3550308").name()).isEqualTo("São Paulo");
    assertThat(directory.require("3550308").words()).containsExactly("SAO", "PAULO");
  }

  @Test
  void readsAByteOrderMarkAndRejectsBadRows() throws Exception {
    String ok = "\uFEFFibge_code,name,uf,capital\n1100015,Alta Floresta D'Oeste,RO,0\n";
    assertThat(MunicipalityDirectory.read(new BufferedReader(new StringReader(ok))).all())
        .hasSize(1);
    String bad = "ibge_code,name,uf,capital\n11000X5,Alta Floresta,RO,0\n";
    assertThatThrownBy(() -> MunicipalityDirectory.read(new BufferedReader(new StringReader(bad))))
        .isInstanceOf(IllegalStateException.class);
  }
}
