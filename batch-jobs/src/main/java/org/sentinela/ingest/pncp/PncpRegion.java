package org.sentinela.ingest.pncp;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sentinela.ingest.ContractRules;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.MacroRegion;
import org.sentinela.model.RegionResolution;

/**
 * The buyer's region of a PNCP record from the source's own fields: {@code unidadeOrgao.ufSigla}
 * (one of the 27 UFs) and {@code codigoIbge} (7 digits whose first two are that UF's IBGE code),
 * method {@value #METHOD}, confidence 1. An IBGE code of another UF is dropped, keeping the UF; a
 * missing UF is taken from a valid IBGE code; with neither, the {@link RegionResolver} reads the
 * unit and organ names.
 */
final class PncpRegion {

  /** Method recorded when the region comes from the record's own UF / IBGE fields. */
  static final String METHOD = "SOURCE_FIELD";

  private static final Map<String, String> UF_BY_IBGE_PREFIX =
      Map.ofEntries(
          Map.entry("11", "RO"),
          Map.entry("12", "AC"),
          Map.entry("13", "AM"),
          Map.entry("14", "RR"),
          Map.entry("15", "PA"),
          Map.entry("16", "AP"),
          Map.entry("17", "TO"),
          Map.entry("21", "MA"),
          Map.entry("22", "PI"),
          Map.entry("23", "CE"),
          Map.entry("24", "RN"),
          Map.entry("25", "PB"),
          Map.entry("26", "PE"),
          Map.entry("27", "AL"),
          Map.entry("28", "SE"),
          Map.entry("29", "BA"),
          Map.entry("31", "MG"),
          Map.entry("32", "ES"),
          Map.entry("33", "RJ"),
          Map.entry("35", "SP"),
          Map.entry("41", "PR"),
          Map.entry("42", "SC"),
          Map.entry("43", "RS"),
          Map.entry("50", "MS"),
          Map.entry("51", "MT"),
          Map.entry("52", "GO"),
          Map.entry("53", "DF"));

  private final RegionResolver resolver;
  private final Map<List<String>, RegionResolution> resolvedByNames = new HashMap<>();

  PncpRegion(RegionResolver resolver) {
    this.resolver = resolver;
  }

  RegionResolution of(JsonRecord record) {
    String uf = ContractRules.blankToNull(record.text("unidadeOrgao", "ufSigla"));
    String ibge = ContractRules.blankToNull(record.text("unidadeOrgao", "codigoIbge"));
    String ibgeUf = ibge != null && ibge.matches("\\d{7}") ? ufOfIbgeCode(ibge) : null;
    if (uf != null && MacroRegion.isUf(uf)) {
      return new RegionResolution(uf, uf.equals(ibgeUf) ? ibge : null, METHOD, 1.0);
    }
    if (ibgeUf != null) {
      return new RegionResolution(ibgeUf, ibge, METHOD, 1.0);
    }
    List<String> names =
        java.util.Arrays.asList(
            record.text("unidadeOrgao", "nomeUnidade"),
            record.text("orgaoEntidade", "razaoSocial"));
    return resolvedByNames.computeIfAbsent(names, n -> resolver.resolve(n.get(0), n.get(1), null));
  }

  /** The UF whose IBGE state code starts a municipality code, or null. */
  static String ufOfIbgeCode(String ibge) {
    return UF_BY_IBGE_PREFIX.get(ibge.substring(0, 2));
  }
}
