package org.sentinela.ingest.comprasgov;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sentinela.ingest.ContractRules;
import org.sentinela.ingest.DateRules;
import org.sentinela.ingest.MoneyRules;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.json.JsonContractNormaliser;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierId;

/**
 * Maps a Contratos.gov.br contract object to the canonical record with the Portal's rules ({@link
 * ContractRules}). The buyer is {@code contratante.orgao} and its {@code unidade_gestora} (the unit
 * managing the contract now; {@code orgao_origem} is not used). There is no superior organ and no
 * UF field: the region comes from the {@link RegionResolver} on the unit and organ names. Money is
 * Brazilian text ({@code "1.684.134,72"}); a missing value may be null or {@code ""}. Initial value
 * {@code valor_inicial}, final value {@code valor_global}; {@code valor_acumulado} (accumulated
 * over the years of a renewed contract) is not used.
 */
public final class ComprasGovNormaliser implements JsonContractNormaliser {

  private static final String[] UNIT = {"contratante", "orgao", "unidade_gestora"};

  private final String runId;
  private final RegionResolver regions;
  private final Map<List<String>, RegionResolution> regionByNames = new HashMap<>();

  public ComprasGovNormaliser(String runId, RegionResolver regions) {
    this.runId = runId;
    this.regions = regions;
  }

  @Override
  public ContractRecord normalise(JsonRecord r, String recordHash) {
    String contractNumber =
        ContractRules.required(r.text("numero"), RejectionReason.MISSING_CONTRACT_NUMBER, "numero");
    String unitCode =
        ContractRules.required(
            r.text(field(UNIT, "codigo")),
            RejectionReason.MISSING_UNIT_CODE,
            "contratante.orgao.unidade_gestora.codigo");
    LocalDate publication = r.date("data_publicacao");
    LocalDate signature = r.signature(publication, "data_assinatura");
    LocalDate start = r.date("vigencia_inicio");
    BigDecimal initial = r.money("valor_inicial");
    BigDecimal fin = r.money("valor_global");

    List<DataQualityFlag> flags = new ArrayList<>();
    LocalDate end =
        DateRules.checkDates(signature, publication, start, r.date("vigencia_fim"), flags);
    MoneyRules.checkValues(initial, fin, flags);
    SupplierId supplier = SupplierId.classify(r.text("fornecedor", "cnpj_cpf_idgener"));
    String supplierName = ContractRules.blankToNull(r.text("fornecedor", "nome"));
    ContractRules.checkSupplier(supplier, supplierName, flags);
    String objectText = ContractRules.objectText(r.text("objeto"), flags);
    String modalityRaw = ContractRules.blankToNull(r.text("modalidade"));
    String unitName = r.text(field(UNIT, "nome"));
    String organName = r.text("contratante", "orgao", "nome");

    return new ContractRecord(
        RecordSource.CONTRATOS_GOV_BR,
        r.fileName(),
        r.index(),
        runId,
        recordHash,
        contractNumber,
        null,
        null,
        ContractRules.blankToNull(r.text("contratante", "orgao", "codigo")),
        ContractRules.blankToNull(organName),
        unitCode,
        ContractRules.blankToNull(unitName),
        regionByNames.computeIfAbsent(
            Arrays.asList(unitName, organName), n -> regions.resolve(n.get(0), n.get(1), null)),
        supplier,
        supplierName,
        Modality.normalise(modalityRaw),
        modalityRaw,
        ContractRules.blankToNull(r.text("amparo_legal")),
        objectText,
        signature,
        publication,
        start,
        end,
        initial,
        fin,
        flags);
  }

  private static String[] field(String[] parent, String name) {
    String[] path = Arrays.copyOf(parent, parent.length + 1);
    path[parent.length] = name;
    return path;
  }
}
