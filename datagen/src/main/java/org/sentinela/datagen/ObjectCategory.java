package org.sentinela.datagen;

import static org.sentinela.datagen.OrganFamily.Buyer.EDUCATION;
import static org.sentinela.datagen.OrganFamily.Buyer.HEALTH;
import static org.sentinela.datagen.OrganFamily.Buyer.INFRASTRUCTURE;
import static org.sentinela.datagen.OrganFamily.Buyer.MILITARY;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sentinela.datagen.OrganFamily.Buyer;

/**
 * What a contract buys: its "Objeto" text (in the Portal's upper case with accents; {@code {U}}
 * stands for the buyer unit's name), who buys it, and how the law treats it. Only works and
 * renovations say OBRA, ENGENHARIA or REFORMA; only continuing services say CONTINUADOS; only
 * vehicle maintenance names both a maintenance and a vehicle word; so the detectors' text rules see
 * each category for what it is.
 *
 * @param text the object text
 * @param weight how common it is among the categories its buyers and modality allow
 * @param buyers the buyer families that buy it
 * @param modalities the modality groups it is bought by
 * @param nature how the dispensa and amendment limits treat it
 * @param individuals true if an individual (CPF) may supply it
 * @param utility true for energy and water, bought from the state's one distributor
 */
record ObjectCategory(
    String text,
    double weight,
    Set<Buyer> buyers,
    Set<ModalityGroup> modalities,
    Nature nature,
    boolean individuals,
    boolean utility) {

  /** How the law treats an object. */
  enum Nature {
    PURCHASE_OR_SERVICE,
    CONTINUING_SERVICE,
    VEHICLE_MAINTENANCE,
    WORKS,
    RENOVATION;

    /** True where the higher dispensa limit (works and engineering) applies. */
    boolean worksLimit() {
      return this == WORKS || this == RENOVATION;
    }
  }

  /** Modalities grouped by what they are used to buy. */
  enum ModalityGroup {
    AUCTION,
    DISPENSA,
    INEXIGIBILITY,
    TENDER,
    ANY;

    static ModalityGroup of(ModalityProfile modality) {
      String name = modality.portalName();
      if (name.startsWith("Pregão")) {
        return AUCTION;
      }
      if (name.startsWith("Dispensa")) {
        return DISPENSA;
      }
      if (name.startsWith("Inexigibilidade")) {
        return INEXIGIBILITY;
      }
      if (!modality.informed()) {
        return ANY;
      }
      return TENDER;
    }
  }

  private static final Set<Buyer> ALL = EnumSet.allOf(Buyer.class);
  private static final Set<ModalityGroup> AUCTION_DISPENSA =
      EnumSet.of(ModalityGroup.AUCTION, ModalityGroup.DISPENSA);
  private static final Set<ModalityGroup> DIRECT =
      EnumSet.of(ModalityGroup.DISPENSA, ModalityGroup.INEXIGIBILITY);
  private static final Set<ModalityGroup> WORKS_TENDERS =
      EnumSet.of(ModalityGroup.TENDER, ModalityGroup.AUCTION, ModalityGroup.DISPENSA);

  static final List<ObjectCategory> ALL_CATEGORIES =
      List.of(
          goods(
              "AQUISIÇÃO DE MATERIAL DE EXPEDIENTE PARA ATENDER ÀS NECESSIDADES DO(A) {U}", 6, ALL),
          goods("AQUISIÇÃO DE MATERIAL DE CONSUMO (COPA E COZINHA) PARA O(A) {U}", 4, ALL),
          goods("AQUISIÇÃO DE EQUIPAMENTOS DE INFORMÁTICA (MICROCOMPUTADORES E MONITORES)", 4, ALL),
          goods("AQUISIÇÃO DE MOBILIÁRIO PARA AS INSTALAÇÕES DO(A) {U}", 3, ALL),
          goods(
              "AQUISIÇÃO DE GÊNEROS ALIMENTÍCIOS PARA O RANCHO DA ORGANIZAÇÃO MILITAR",
              8,
              EnumSet.of(MILITARY)),
          goods(
              "AQUISIÇÃO DE UNIFORMES, FARDAMENTOS E CALÇADOS PARA O EFETIVO",
              3,
              EnumSet.of(MILITARY)),
          goods(
              "AQUISIÇÃO DE GÊNEROS ALIMENTÍCIOS PERECÍVEIS PARA O RESTAURANTE ESTUDANTIL",
              5,
              EnumSet.of(EDUCATION)),
          goods(
              "AQUISIÇÃO DE MATERIAL DE LABORATÓRIO E REAGENTES PARA AULAS PRÁTICAS",
              4,
              EnumSet.of(EDUCATION)),
          goods("AQUISIÇÃO DE MEDICAMENTOS E MATERIAL MÉDICO-HOSPITALAR", 9, EnumSet.of(HEALTH)),
          goods(
              "AQUISIÇÃO DE ÓRTESES, PRÓTESES E MATERIAIS ESPECIAIS (OPME)", 4, EnumSet.of(HEALTH)),
          goods(
              "FORNECIMENTO DE COMBUSTÍVEL (GASOLINA E ÓLEO DIESEL) PARA AS VIATURAS DO(A) {U}",
              3,
              ALL),
          goods("AQUISIÇÃO DE MATERIAL ELÉTRICO E HIDRÁULICO PARA MANUTENÇÃO PREDIAL", 3, ALL),
          goods("AQUISIÇÃO DE ASFALTO, BRITA E MATERIAL BETUMINOSO", 3, EnumSet.of(INFRASTRUCTURE)),
          service(
              "PRESTAÇÃO DE SERVIÇOS DE TELEFONIA MÓVEL PESSOAL (SMP) COM FORNECIMENTO DE APARELHOS",
              2,
              ALL,
              AUCTION_DISPENSA),
          service(
              "PRESTAÇÃO DE SERVIÇOS DE AGENCIAMENTO DE VIAGENS PARA EMISSÃO DE PASSAGENS AÉREAS",
              2,
              ALL,
              AUCTION_DISPENSA),
          service(
              "SERVIÇOS DE MANUTENÇÃO PREVENTIVA E CORRETIVA DE APARELHOS DE AR CONDICIONADO",
              3,
              ALL,
              AUCTION_DISPENSA),
          service(
              "SERVIÇOS DE MANUTENÇÃO PREVENTIVA E CORRETIVA DE ELEVADORES DO(A) {U}",
              1.5,
              ALL,
              AUCTION_DISPENSA),
          service(
              "SERVIÇO DE SUPORTE TÉCNICO E ATUALIZAÇÃO DE LICENÇAS DE SOFTWARE",
              3,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY, ModalityGroup.AUCTION)),
          service(
              "ASSINATURA DE PERIÓDICOS E BASES DE DADOS TÉCNICAS",
              1.5,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY)),
          service(
              "PUBLICAÇÃO DE ATOS OFICIAIS NA IMPRENSA NACIONAL",
              2,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY)),
          service(
              "SERVIÇOS DE MANUTENÇÃO DE EQUIPAMENTOS MÉDICO-HOSPITALARES",
              3,
              EnumSet.of(HEALTH),
              AUCTION_DISPENSA),
          new ObjectCategory(
              "PRESTAÇÃO DE SERVIÇOS CONTINUADOS DE LIMPEZA E CONSERVAÇÃO, COM DEDICAÇÃO EXCLUSIVA DE MÃO DE OBRA, NAS INSTALAÇÕES DO(A) {U}",
              4,
              ALL,
              EnumSet.of(ModalityGroup.AUCTION),
              Nature.CONTINUING_SERVICE,
              false,
              false),
          new ObjectCategory(
              "PRESTAÇÃO DE SERVIÇOS CONTINUADOS DE VIGILÂNCIA PATRIMONIAL ARMADA E DESARMADA",
              3,
              ALL,
              EnumSet.of(ModalityGroup.AUCTION),
              Nature.CONTINUING_SERVICE,
              false,
              false),
          new ObjectCategory(
              "SERVIÇOS CONTINUADOS DE APOIO ADMINISTRATIVO E RECEPÇÃO, COM MÃO DE OBRA EM REGIME DE DEDICAÇÃO EXCLUSIVA",
              2,
              ALL,
              EnumSet.of(ModalityGroup.AUCTION),
              Nature.CONTINUING_SERVICE,
              false,
              false),
          new ObjectCategory(
              "LOCAÇÃO DE IMÓVEL PARA O FUNCIONAMENTO DO(A) {U}",
              3,
              ALL,
              DIRECT,
              Nature.PURCHASE_OR_SERVICE,
              true,
              false),
          new ObjectCategory(
              "CONTRATAÇÃO DE CURSO DE CAPACITAÇÃO EM GESTÃO E FISCALIZAÇÃO DE CONTRATOS PARA SERVIDORES",
              2,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY),
              Nature.PURCHASE_OR_SERVICE,
              true,
              false),
          new ObjectCategory(
              "CREDENCIAMENTO DE PROFISSIONAIS DE SAÚDE PARA ATENDIMENTO AOS BENEFICIÁRIOS DO SISTEMA DE SAÚDE",
              4,
              EnumSet.of(HEALTH, MILITARY),
              EnumSet.of(ModalityGroup.INEXIGIBILITY),
              Nature.PURCHASE_OR_SERVICE,
              true,
              false),
          new ObjectCategory(
              "FORNECIMENTO DE ENERGIA ELÉTRICA PARA AS UNIDADES CONSUMIDORAS DO(A) {U}",
              2,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY, ModalityGroup.DISPENSA),
              Nature.PURCHASE_OR_SERVICE,
              false,
              true),
          new ObjectCategory(
              "FORNECIMENTO DE ÁGUA TRATADA E COLETA DE ESGOTO SANITÁRIO",
              1.5,
              ALL,
              EnumSet.of(ModalityGroup.INEXIGIBILITY, ModalityGroup.DISPENSA),
              Nature.PURCHASE_OR_SERVICE,
              false,
              true),
          new ObjectCategory(
              "SERVIÇOS DE MANUTENÇÃO PREVENTIVA E CORRETIVA DAS VIATURAS OPERACIONAIS, COM FORNECIMENTO DE PEÇAS",
              3,
              ALL,
              AUCTION_DISPENSA,
              Nature.VEHICLE_MAINTENANCE,
              false,
              false),
          new ObjectCategory(
              "MANUTENÇÃO DA FROTA DE VEÍCULOS OFICIAIS DO(A) {U}",
              2,
              ALL,
              AUCTION_DISPENSA,
              Nature.VEHICLE_MAINTENANCE,
              false,
              false),
          new ObjectCategory(
              "EXECUÇÃO DE OBRA DE CONSTRUÇÃO DE BLOCO DE SALAS DE AULA E LABORATÓRIOS",
              2,
              EnumSet.of(EDUCATION),
              WORKS_TENDERS,
              Nature.WORKS,
              false,
              false),
          new ObjectCategory(
              "CONTRATAÇÃO DE EMPRESA DE ENGENHARIA PARA PAVIMENTAÇÃO DAS VIAS INTERNAS",
              2,
              ALL,
              WORKS_TENDERS,
              Nature.WORKS,
              false,
              false),
          new ObjectCategory(
              "SERVIÇOS DE ENGENHARIA PARA ADEQUAÇÃO DA REDE ELÉTRICA DE MÉDIA E BAIXA TENSÃO",
              2,
              ALL,
              WORKS_TENDERS,
              Nature.WORKS,
              false,
              false),
          new ObjectCategory(
              "OBRAS DE MANUTENÇÃO RODOVIÁRIA, CONSERVAÇÃO E RECUPERAÇÃO DO PAVIMENTO EM RODOVIA FEDERAL",
              10,
              EnumSet.of(INFRASTRUCTURE),
              WORKS_TENDERS,
              Nature.WORKS,
              false,
              false),
          new ObjectCategory(
              "ELABORAÇÃO DE PROJETOS DE ENGENHARIA PARA BARRAGENS E ADUTORAS",
              3,
              EnumSet.of(INFRASTRUCTURE),
              WORKS_TENDERS,
              Nature.WORKS,
              false,
              false),
          new ObjectCategory(
              "REFORMA DO PRÉDIO SEDE DO(A) {U}",
              2,
              ALL,
              WORKS_TENDERS,
              Nature.RENOVATION,
              false,
              false),
          new ObjectCategory(
              "REFORMA E ADEQUAÇÃO DAS INSTALAÇÕES SANITÁRIAS E DE ACESSIBILIDADE",
              1.5,
              ALL,
              WORKS_TENDERS,
              Nature.RENOVATION,
              false,
              false));

  ObjectCategory {
    if (!(weight > 0)) {
      throw new IllegalArgumentException(text + ": weight must be > 0, got " + weight);
    }
    buyers = Set.copyOf(buyers);
    modalities = Set.copyOf(modalities);
  }

  /** True if a contract of this modality group, for this buyer, may buy it. */
  boolean fits(Buyer buyer, ModalityGroup group) {
    return buyers.contains(buyer) && (group == ModalityGroup.ANY || modalities.contains(group));
  }

  /** The object text for a unit. */
  String textFor(String unitName) {
    return text.replace("{U}", unitName);
  }

  private static ObjectCategory goods(String text, double weight, Set<Buyer> buyers) {
    return new ObjectCategory(
        text, weight, buyers, AUCTION_DISPENSA, Nature.PURCHASE_OR_SERVICE, false, false);
  }

  private static ObjectCategory service(
      String text, double weight, Set<Buyer> buyers, Set<ModalityGroup> modalities) {
    return new ObjectCategory(
        text, weight, buyers, modalities, Nature.PURCHASE_OR_SERVICE, false, false);
  }
}
