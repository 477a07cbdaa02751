package org.sentinela.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sentinela.model.RegionResolution;

class RegionResolverTest {

  private static final String SAUDE = "Ministério da Saúde";
  private static final String SAUDE_UNITS = "Ministério da Saúde - Unidades com vínculo di";
  private static final String EXERCITO = "Comando do Exército";
  private static final String DEFESA = "Ministério da Defesa";
  private static final String EDUCACAO = "Ministério da Educação";

  private static RegionResolver resolver;

  @BeforeAll
  static void build() {
    resolver = RegionResolver.fromBundledIbgeTable();
  }

  private static RegionResolution unit(String unitName) {
    return resolver.resolve(unitName);
  }

  @Nested
  class ExamplesFromRealData {

    @ParameterizedTest(name = "{0} -> {1} {2} ({3})")
    @CsvSource(
        delimiter = '|',
        nullValues = "-",
        textBlock =
            """
            SUPERINTEND. REG. NO ESTADO DE RO-DNIT        | RO | -       | UF_CODE
            UNIVERSIDADE FEDERAL DE GOIAS                 | GO | -       | STATE_NAME
            INST.FED.DE EDUC.,CIENC.E TEC.DO CEARA        | CE | -       | STATE_NAME
            FUNDACAO UNIVERS.FED. DE MATO GROSSO DO SUL   | MS | -       | STATE_NAME
            UTFPR - CAMPUS PONTA GROSSA                   | PR | 4119905 | INSTITUTION
            IFSP - CAMPUS REGISTRO                        | SP | 3542602 | INSTITUTION
            CIA.DE ENTREPOSTOS E ARMAZENS GER.DE S.PAULO  | SP | -       | STATE_NAME
            SUPERINT.FED.DE AGRIC.,PEC.E ABASTECIMENTO/BA | BA | -       | UF_CODE
            DELEG. DA CAPIT. DOS PORTOS EM ANGRA DOS REIS | RJ | 3300100 | MUNICIPALITY
            REPRESENTACAO REGIONAL RIO DE JANEIRO - ANAC  | RJ | -       | STATE_NAME
            EBSERH HU-UFGD                                | MS | -       | INSTITUTION
            UNIDADE ESTADUAL DO IBGE NO ACRE              | AC | -       | STATE_NAME
            IFB - CAMPUS BRASILIA                         | DF | 5300108 | INSTITUTION
            COMANDO DO 8.DISTRITO NAVAL                   | SP | 3550308 | REGIONAL_HQ
            AGENCIA NACIONAL DE TELECOMUNICACOES-PE       | PE | -       | UF_CODE
            SUPERINTENDENCIA DO IPHAN SAO PAULO, IPHAN-SP | SP | -       | UF_CODE
            SUPERINTENDENCIA REGIONAL DO CEARA - SR(CE)   | CE | -       | UF_CODE
            DNOCS CEST/CE - FORTALEZA-CE                  | CE | 2304400 | UF_CODE
            HOSPITAL GERAL DE BELEM                       | PA | 1501402 | CAPITAL_CITY
            BASE DE AVIACAO DE TAUBATE                    | SP | 3554102 | MUNICIPALITY
            GRUPAMENTO DE APOIO DE S J CAMPOS             | SP | 3549904 | MUNICIPALITY
            FUNDACAO UNIVERSIDADE FEDERAL DE S.J.DEL-REI  | MG | 3162500 | MUNICIPALITY
            INST.FED.FARROUPILHA/CAMPUS SAO VICENTE SUL   | RS | 4319802 | INSTITUTION
            INST.FED.MATO GROSSO/CAMPUS CAMPO N. PARECIS  | MT | 5102637 | STATE_NAME
            INSTITUTO FEDERAL CATARINENSE - REITORIA      | SC | -       | STATE_ADJECTIVE
            COMANDO DA 4ª REGIAO MILITAR                  | MG | 3106200 | REGIONAL_HQ
            SUPERINTENDENCIA REGIONAL DA RFB NA 9A RF     | PR | 4106902 | REGIONAL_HQ
            CENTRO DE OBTENCAO DA MARINHA NO R.J.         | RJ | -       | UF_CODE
            INST. FED. DE SERGIPE/CAMPUS N. SRA. DO SOCORRO | SE | 2804805 | STATE_NAME
            """)
    void resolves(String unitName, String uf, String municipality, String method) {
      RegionResolution r = unit(unitName);
      assertThat(r.uf()).isEqualTo(uf);
      assertThat(r.municipalityIbgeCode()).isEqualTo(municipality);
      assertThat(r.method()).isEqualTo(method);
      assertThat(r.confidence()).isBetween(0.6, 1.0);
    }

    @Test
    void ministryOfHealthStateOfficeIsTheSecondCode() {
      RegionResolution r =
          resolver.resolve("SUPERINTENDENCIA ESTADUAL DO MS/MA", SAUDE_UNITS, SAUDE);
      assertThat(r.uf()).isEqualTo("MA");
      assertThat(r.method()).isEqualTo("UF_CODE");
      assertThat(unit("SUPERINTENDENCIA ESTADUAL DO MS/MA").uf()).isEqualTo("MA");
      assertThat(resolver.resolve("SUPERINTENDENCIA ESTADUAL DO MS/MS", SAUDE_UNITS, SAUDE).uf())
          .isEqualTo("MS");
    }

    @Test
    void msIsTheStateWhereNoMinistryIsInvolved() {
      assertThat(
              resolver
                  .resolve(
                      "SUPERINTENDENCIA REGIONAL NO ESTADO DO MS",
                      "Departamento de Polícia Federal",
                      "Ministério da Justiça e Segurança Pública")
                  .uf())
          .isEqualTo("MS");
      assertThat(
              resolver.resolve(
                  "INST.FED.DO MS/CAMPUS DOURADOS",
                  "Instituto Federal do Mato Grosso do Sul",
                  EDUCACAO))
          .extracting(RegionResolution::uf, RegionResolution::municipalityIbgeCode)
          .containsExactly("MS", "5003702");
    }

    @Test
    void numberedMilitaryUnitsStayNational() {
      assertThat(resolver.resolve("8º DEPOSITO DE SUPRIMENTO", EXERCITO, DEFESA))
          .isEqualTo(RegionResolution.unresolved());
      assertThat(resolver.resolve("35º BATALHAO DE INFANTARIA", EXERCITO, DEFESA))
          .isEqualTo(RegionResolution.unresolved());
    }
  }

  @Nested
  class MunicipalityNamesSharedByUfs {

    @Test
    void sharedNameWithoutUfEvidenceGivesNothing() {
      // Bom Jesus exists in PI, RN, PB, SC and RS.
      assertThat(unit("HOSPITAL DE GUARNICAO DE BOM JESUS"))
          .isEqualTo(RegionResolution.unresolved());
      // Valença exists in BA and RJ.
      assertThat(unit("DELEGACIA DA RFB EM VALENCA")).isEqualTo(RegionResolution.unresolved());
    }

    @Test
    void sharedNameWithUfEvidenceGivesThatUfsMunicipality() {
      RegionResolution r = unit("INST.FED.DO RS/CAMPUS BOM JESUS");
      assertThat(r.uf()).isEqualTo("RS");
      assertThat(r.municipalityIbgeCode()).isEqualTo("4302303");
      assertThat(unit("INSTITUTO FEDERAL BAIANO - CAMPUS VALENCA").municipalityIbgeCode())
          .isEqualTo("2932903");
    }

    @Test
    void capitalWinsOverSmallNamesakes() {
      assertThat(unit("DELEGACIA DA RFB EM PALMAS"))
          .extracting(RegionResolution::uf, RegionResolution::method)
          .containsExactly("TO", "CAPITAL_CITY");
      assertThat(unit("INST. FED. DO PARANA/CAMPUS PALMAS").municipalityIbgeCode())
          .isEqualTo("4117602");
    }

    @Test
    void dominantNamesakeAtLowerConfidence() {
      RegionResolution r = unit("BASE AEREA DE SANTA MARIA");
      assertThat(r.uf()).isEqualTo("RS");
      assertThat(r.municipalityIbgeCode()).isEqualTo("4316907");
      assertThat(r.method()).isEqualTo("MUNICIPALITY_DOMINANT");
      assertThat(r.confidence()).isEqualTo(0.7);
    }

    @Test
    void organUfPicksTheNamesakeAndOverridesAnotherUfsTown() {
      // São Cristóvão is a municipality of SE and a neighbourhood of Rio.
      RegionResolution r = resolver.resolve("CAMPUS SAO CRISTOVAO", "Colégio Pedro II", EDUCACAO);
      assertThat(r.uf()).isEqualTo("RJ");
      assertThat(r.method()).isEqualTo("ORGAN_INSTITUTION");
      assertThat(r.municipalityIbgeCode()).isNull();
      assertThat(unit("INST. FED. DE SERGIPE/CAMPUS SAO CRISTOVAO").municipalityIbgeCode())
          .isEqualTo("2806701");
    }
  }

  @Nested
  class NationalOrUnknown {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankInputIsUnresolved(String blank) {
      assertThat(resolver.resolve(blank, blank, blank)).isEqualTo(RegionResolution.unresolved());
      assertThat(resolver.resolve(blank)).isEqualTo(RegionResolution.unresolved());
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            DEPARTAMENTO DE LOGISTICA EM SAUDE - DLOG | Ministério da Saúde - Unidades com vínculo di | Ministério da Saúde
            COORDENACAO-GERAL DE LOGISTICA E CONTRATOS/MJ | Ministério da Justiça e Segurança Pública - U | Ministério da Justiça e Segurança Pública
            COMPANHIA DE PESQUISA DE RECURSOS MINERAIS | Companhia de Pesquisa de Recursos Minerais | Ministério de Minas e Energia
            SECRETARIA ESPECIAL DE ADMINISTRACAO/PR | Presidência da República | Presidência da República
            COORDENACAO-GERAL DE RECURSOS LOGISTICOS | Ministério das Relações Exteriores - Unidades | Ministério das Relações Exteriores
            SUPERINTENDENCIA REGIONAL SUDESTE I | Instituto Nacional do Seguro Social | Ministério do Trabalho
            """)
    void ministriesAndCentralUnitsAreNational(String unitName, String organ, String superior) {
      assertThat(resolver.resolve(unitName, organ, superior))
          .isEqualTo(RegionResolution.unresolved());
    }

    @Test
    void armyAbbreviationsAreNotStates() {
      // AP = autopropulsado, ES = escola.
      assertThat(resolver.resolve("3 GRUPO DE ARTILHARIA DE CAMPANHA/AP", EXERCITO, DEFESA).uf())
          .isEqualTo("BR");
      assertThat(resolver.resolve("25 BATALHAO LOGISTICO (ES)", EXERCITO, DEFESA).uf())
          .isEqualTo("BR");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "14 GRUPO DE ARTILHARIA DE CAMPANHA", // Campanha/MG
          "11º BATALHAO DE INFANTARIA DE MONTANHA", // Montanha/ES
          "CENTRO DE INSTRUCAO ALMIRANTE GRACA ARANHA", // Graça Aranha/MA, a patron
          "CASA DE OSWALDO CRUZ", // Oswaldo Cruz/SP, a patron
          "ESCOLA DA ADVOCACIA-GERAL DA UNIAO", // União/PI
          "CAPITANIA FLUVIAL DO ARAGUAIA - TOCANTINS", // the river
        })
    void commonWordsPatronsAndRiversAreNotPlaces(String unitName) {
      assertThat(unit(unitName)).isEqualTo(RegionResolution.unresolved());
    }

    @Test
    void weakNameGivesNoMunicipalityOutsideCampusContext() {
      RegionResolution r = unit("FUNDACAO NACIONAL DE SAUDE - BA");
      assertThat(r.uf()).isEqualTo("BA");
      assertThat(r.municipalityIbgeCode()).isNull();
      assertThat(unit("INST.FED.ESPIRITO SANTO/CAMPUS MONTANHA").municipalityIbgeCode())
          .isEqualTo("3203502");
    }
  }

  @Nested
  class TruncatedNames {

    @Test
    void cutPlaceNameThatCouldGoSeveralWaysIsNotTrusted() {
      // 45 characters: "RIO GRAND..." may be Rio Grande, Rio Grande do Sul, do Norte...
      assertThat(unit("CENTRO DE INTENDENCIA DA MARINHA EM RIO GRAND"))
          .isEqualTo(RegionResolution.unresolved());
      // "...DA MARI" is "MARINHA", not Mari/PB.
      assertThat(unit("CAIXA DE CONSTR DE CASAS P/ O PESSOAL DA MARI"))
          .isEqualTo(RegionResolution.unresolved());
      // The organ name "...Mato Grosso" was cut from "...Mato Grosso do Sul".
      assertThat(
              resolver.resolve("REITORIA", "Fundação Universidade Federal do Mato Grosso ", null))
          .isEqualTo(RegionResolution.unresolved());
    }

    @Test
    void cutPlaceNameWithOneCompletionIsRead() {
      assertThat(unit("SUPERINTENDENCIA DA PRF NO RIO GRANDE DO NORT").uf()).isEqualTo("RN");
      assertThat(unit("INST.FED.MATO GROSSO/CAMPUS PRIMAVERA DO LEST").municipalityIbgeCode())
          .isEqualTo("5107040");
    }

    @Test
    void shortNameEndingInMatoGrossoIsTheState() {
      assertThat(resolver.resolve("REITORIA", "Fundação Universidade Federal do Mato Grosso", null))
          .extracting(RegionResolution::uf, RegionResolution::method)
          .containsExactly("MT", "ORGAN_STATE_NAME");
    }

    @Test
    void codeAfterPrepositionAtCutEndIsTrustedOnlyIfNoWordStartsWithIt() {
      assertThat(unit("SUPERINTENDENCIA REG DE POLICIA FEDERAL EM MG").uf()).isEqualTo("MG");
      assertThat(unit("CENTRO DE INTEND. DA MARINHA EM S.PEDRO DA AL").uf()).isEqualTo("BR");
    }
  }

  @Nested
  class TextForms {

    @Test
    void accentsAndLowerCaseAreIgnored() {
      assertThat(unit("Universidade Federal de Goiás").uf()).isEqualTo("GO");
      assertThat(unit("superintendência regional no estado de rondônia").uf()).isEqualTo("RO");
      assertThat(unit("Delegacia da Receita Federal em São José dos Campos"))
          .extracting(RegionResolution::uf, RegionResolution::municipalityIbgeCode)
          .containsExactly("SP", "3549904");
    }

    @Test
    void paraNeedsAPreposition() {
      assertThat(unit("UNIVERSIDADE FEDERAL DO PARA").uf()).isEqualTo("PA");
      assertThat(unit("FUNDO PARA DESENVOLVIMENTO").uf()).isEqualTo("BR");
    }

    @Test
    void twoStatesOfEqualWeightContradictEachOther() {
      assertThat(unit("CONVENIO BAHIA E SERGIPE")).isEqualTo(RegionResolution.unresolved());
    }

    @Test
    void pairOfCodesTakesTheSeatAtLowConfidence() {
      RegionResolution r = unit("DISTRITO SANIT.ESP.INDIGENA - MG/ES");
      assertThat(r.uf()).isEqualTo("MG");
      assertThat(r.method()).isEqualTo("UF_CODE_MULTI");
      assertThat(r.confidence()).isEqualTo(0.6);
    }

    @Test
    void distritoFederalAlwaysGetsBrasilia() {
      assertThat(unit("SUPERINTENDENCIA REGIONAL NO DISTRITO FEDERAL").municipalityIbgeCode())
          .isEqualTo("5300108");
    }
  }

  @Nested
  class OrganAndSuperiorFallback {

    @Test
    void organNameIsUsedWhenTheUnitNameIsSilent() {
      RegionResolution r =
          resolver.resolve("REITORIA", "Instituto Federal do Rio de Janeiro", EDUCACAO);
      assertThat(r.uf()).isEqualTo("RJ");
      assertThat(r.method()).isEqualTo("ORGAN_STATE_NAME");
      assertThat(r.confidence()).isEqualTo(0.85 * 0.9, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void unitNameWinsOverOrganName() {
      assertThat(
              resolver
                  .resolve(
                      "SUPERINTENDENCIA DO IPHAN NO CEARA, IPHAN-CE",
                      "Instituto do Patrimônio Histórico e Artístico",
                      "Ministério do Turismo")
                  .uf())
          .isEqualTo("CE");
    }

    @Test
    void organUfMakesASharedNameUsable() {
      // Bom Jesus exists in five UFs; the organ says SC.
      RegionResolution r =
          resolver.resolve("CAMPUS BOM JESUS", "Instituto Federal Catarinense", EDUCACAO);
      assertThat(r.uf()).isEqualTo("SC");
      assertThat(r.municipalityIbgeCode()).isEqualTo("4202537");
      assertThat(r.method()).isEqualTo("MUNICIPALITY");
    }
  }

  @Test
  void confidenceAndMethodAreAlwaysSet() {
    for (String name : List.of("UFMA", "HOSPITAL GERAL DE CURITIBA", "X", "COMANDO DO 7.DN")) {
      RegionResolution r = unit(name);
      assertThat(r.method()).isNotBlank();
      assertThat(r.confidence()).isBetween(0.0, 1.0);
      assertThat(r.uf().equals("BR")).isEqualTo(r.confidence() == 0.0);
    }
  }

  @Test
  void explainsItsReading() {
    assertThat(resolver.explain("IFSP - CAMPUS REGISTRO"))
        .anyMatch(line -> line.startsWith("evidence") && line.contains("INSTITUTION"))
        .last()
        .asString()
        .startsWith("decision Evidence[uf=SP");
  }

  @Test
  void isSafeToShareBetweenThreads() {
    List<String> names =
        List.of(
            "UTFPR - CAMPUS PONTA GROSSA",
            "HOSPITAL GERAL DE BELEM",
            "SUPERINTENDENCIA ESTADUAL DO MS/MA",
            "35º BATALHAO DE INFANTARIA",
            "BASE AEREA DE SANTA MARIA");
    List<RegionResolution> expected = names.stream().map(RegionResolverTest::unit).toList();
    IntStream.range(0, 2_000)
        .parallel()
        .forEach(
            i -> {
              int k = i % names.size();
              assertThat(unit(names.get(k))).isEqualTo(expected.get(k));
            });
  }

  @Test
  void buildsQuickly() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      RegionResolver.fromBundledIbgeTable();
      best = Math.min(best, System.nanoTime() - start);
    }
    assertThat(best / 1_000_000).isLessThan(200);
  }
}
