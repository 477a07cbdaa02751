package org.sentinela.ingest.pncp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sentinela.ingest.ContractRules;
import org.sentinela.ingest.DateRules;
import org.sentinela.ingest.MoneyRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.json.JsonContractNormaliser;
import org.sentinela.ingest.json.JsonRecord;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.SupplierId;

/**
 * Maps a PNCP contratos record to the canonical record with the Portal's rules ({@link
 * ContractRules}). Choices (see README-json.md):
 *
 * <ul>
 *   <li>contract number: {@code numeroControlePNCP}, PNCP's id {@code
 *       <cnpj>-2-<sequencialContrato>/<anoContrato>}, built from those parts when absent. It is
 *       unique and survives rectifications; the buyer's own {@code numeroContratoEmpenho} is
 *       neither (short numbers such as "15" repeat across buyers);
 *   <li>unit code: {@code <orgaoEntidade.cnpj>/<unidadeOrgao.codigoUnidade>}, because PNCP unit
 *       codes are only unique within their organ ("1" and "0000" are used by dozens of bodies);
 *   <li>no superior organ; organ = {@code orgaoEntidade} (CNPJ, razão social);
 *   <li>modality: the contratos API carries none ({@code tipoContrato} is the instrument, {@code
 *       categoriaProcesso} the object category), so it is NOT_INFORMED unless a record brings
 *       {@code modalidadeNome} (as the contratações API does);
 *   <li>initial value {@code valorInicial}, final value {@code valorGlobal} (the current total with
 *       amendments); {@code valorAcumulado} is optional and mostly null or 0 here: not used.
 * </ul>
 */
public final class PncpNormaliser implements JsonContractNormaliser {

  private final String runId;
  private final PncpRegion regions;

  public PncpNormaliser(String runId, RegionResolver regions) {
    this.runId = runId;
    this.regions = new PncpRegion(regions);
  }

  @Override
  public ContractRecord normalise(JsonRecord r, String recordHash) {
    String organCode = ContractRules.blankToNull(r.text("orgaoEntidade", "cnpj"));
    String contractNumber = contractNumber(r, organCode);
    String unitCode =
        ContractRules.required(
            r.text("unidadeOrgao", "codigoUnidade"),
            RejectionReason.MISSING_UNIT_CODE,
            "unidadeOrgao.codigoUnidade");
    LocalDate publication = r.date("dataPublicacaoPncp");
    LocalDate signature = r.signature(publication, "dataAssinatura");
    LocalDate start = r.date("dataVigenciaInicio");
    BigDecimal initial = r.money("valorInicial");
    BigDecimal fin = r.money("valorGlobal");

    List<DataQualityFlag> flags = new ArrayList<>();
    LocalDate end =
        DateRules.checkDates(signature, publication, start, r.date("dataVigenciaFim"), flags);
    MoneyRules.checkValues(initial, fin, flags);
    SupplierId supplier =
        PncpSupplier.classify(
            r.text("niFornecedor"), r.text("tipoPessoa"), r.text("codigoPaisFornecedor"));
    String supplierName = ContractRules.blankToNull(r.text("nomeRazaoSocialFornecedor"));
    ContractRules.checkSupplier(supplier, supplierName, flags);
    String objectText = ContractRules.objectText(r.text("objetoContrato"), flags);
    String modalityRaw = ContractRules.blankToNull(r.text("modalidadeNome"));

    return new ContractRecord(
        RecordSource.PNCP,
        r.fileName(),
        r.index(),
        runId,
        recordHash,
        contractNumber,
        null,
        null,
        organCode,
        ContractRules.blankToNull(r.text("orgaoEntidade", "razaoSocial")),
        organCode == null ? unitCode : organCode + "/" + unitCode,
        ContractRules.blankToNull(r.text("unidadeOrgao", "nomeUnidade")),
        regions.of(r),
        supplier,
        supplierName,
        Modality.normalise(modalityRaw),
        modalityRaw,
        null,
        objectText,
        signature,
        publication,
        start,
        end,
        initial,
        fin,
        flags);
  }

  /** {@code numeroControlePNCP}, or the same id built from the organ and the PNCP sequence. */
  private static String contractNumber(JsonRecord r, String organCode) {
    String control = ContractRules.blankToNull(r.text("numeroControlePNCP"));
    if (control != null) {
      return control;
    }
    String sequence = ContractRules.blankToNull(r.text("sequencialContrato"));
    String year = ContractRules.blankToNull(r.text("anoContrato"));
    if (organCode == null || sequence == null || year == null || !sequence.matches("\\d+")) {
      throw new RecordRejectedException(
          RejectionReason.MISSING_CONTRACT_NUMBER,
          "no numeroControlePNCP and no orgaoEntidade.cnpj/sequencialContrato/anoContrato");
    }
    String padded = "0".repeat(Math.max(0, 6 - sequence.length())) + sequence;
    return organCode + "-2-" + padded + "/" + year;
  }
}
