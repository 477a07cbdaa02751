package org.sentinela.ingest.portal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sentinela.ingest.ContractRules;
import org.sentinela.ingest.DateRules;
import org.sentinela.ingest.MoneyRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.region.RegionResolver;
import org.sentinela.model.BrazilianFormats;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.Modality;
import org.sentinela.model.RecordSource;
import org.sentinela.model.RegionResolution;
import org.sentinela.model.SupplierId;

/**
 * Maps a raw Compras row to the canonical record: validates what must be valid (throwing {@link
 * RecordRejectedException}) and marks what is suspicious but acceptable.
 */
public final class PortalComprasNormaliser {

  // Column positions, looked up once: a name lookup per field and row showed in profiles.
  private static final int NUMERO_DO_CONTRATO = PortalComprasRow.columnIndex("Número do Contrato");
  private static final int CODIGO_UG = PortalComprasRow.columnIndex("Código UG");
  private static final int DATA_PUBLICACAO_DOU =
      PortalComprasRow.columnIndex("Data Publicação DOU");
  private static final int DATA_ASSINATURA_CONTRATO =
      PortalComprasRow.columnIndex("Data Assinatura Contrato");
  private static final int DATA_INICIO_VIGENCIA =
      PortalComprasRow.columnIndex("Data Início Vigência");
  private static final int DATA_FIM_VIGENCIA = PortalComprasRow.columnIndex("Data Fim Vigência");
  private static final int VALOR_INICIAL_COMPRA =
      PortalComprasRow.columnIndex("Valor Inicial Compra");
  private static final int VALOR_FINAL_COMPRA = PortalComprasRow.columnIndex("Valor Final Compra");
  private static final int CODIGO_CONTRATADO = PortalComprasRow.columnIndex("Código Contratado");
  private static final int NOME_CONTRATADO = PortalComprasRow.columnIndex("Nome Contratado");
  private static final int OBJETO = PortalComprasRow.columnIndex("Objeto");
  private static final int MODALIDADE_COMPRA = PortalComprasRow.columnIndex("Modalidade Compra");
  private static final int NOME_UG = PortalComprasRow.columnIndex("Nome UG");
  private static final int NOME_ORGAO = PortalComprasRow.columnIndex("Nome Órgão");
  private static final int NOME_ORGAO_SUPERIOR =
      PortalComprasRow.columnIndex("Nome Órgão Superior");
  private static final int CODIGO_ORGAO_SUPERIOR =
      PortalComprasRow.columnIndex("Código Órgão Superior");
  private static final int CODIGO_ORGAO = PortalComprasRow.columnIndex("Código Órgão");
  private static final int FUNDAMENTO_LEGAL = PortalComprasRow.columnIndex("Fundamento Legal");

  private final String runId;
  private final RegionResolver regions;
  // A file has a handful of modality texts; folding accents once per text keeps the ingest fast.
  private static final int CACHED_MODALITIES = 256;
  private final Map<String, Modality> modalityByText = new HashMap<>();

  public PortalComprasNormaliser(String runId, RegionResolver regions) {
    this.runId = runId;
    this.regions = regions;
  }

  /**
   * The canonical record for a row, or a {@link RecordRejectedException} saying why not.
   *
   * @param recordHash the row's {@link #recordHash(PortalComprasRow)}
   */
  public ContractRecord normalise(PortalComprasRow row, String recordHash) {
    String contractNumber = row.field(NUMERO_DO_CONTRATO).strip();
    if (contractNumber.isEmpty()) {
      throw new RecordRejectedException(RejectionReason.MISSING_CONTRACT_NUMBER, "empty");
    }
    String unitCode = row.field(CODIGO_UG).strip();
    if (unitCode.isEmpty()) {
      throw new RecordRejectedException(RejectionReason.MISSING_UNIT_CODE, "empty");
    }
    LocalDate publication = date(row, DATA_PUBLICACAO_DOU);
    LocalDate signature =
        DateRules.requireSignature(
            date(row, DATA_ASSINATURA_CONTRATO), publication, "Data Assinatura Contrato");
    LocalDate start = date(row, DATA_INICIO_VIGENCIA);
    LocalDate end = date(row, DATA_FIM_VIGENCIA);
    BigDecimal initial = money(row, VALOR_INICIAL_COMPRA);
    BigDecimal fin = money(row, VALOR_FINAL_COMPRA);

    List<DataQualityFlag> flags = new ArrayList<>();
    end = DateRules.checkDates(signature, publication, start, end, flags);
    MoneyRules.checkValues(initial, fin, flags);
    SupplierId supplier = SupplierId.classify(row.field(CODIGO_CONTRATADO));
    String supplierName = ContractRules.blankToNull(row.field(NOME_CONTRATADO));
    ContractRules.checkSupplier(supplier, supplierName, flags);
    String objectText = ContractRules.objectText(row.field(OBJETO), flags);
    String modalityRaw = row.field(MODALIDADE_COMPRA).strip();
    String unitName = ContractRules.blankToNull(row.field(NOME_UG));
    String organName = ContractRules.blankToNull(row.field(NOME_ORGAO));
    String superiorName = ContractRules.blankToNull(row.field(NOME_ORGAO_SUPERIOR));

    return new ContractRecord(
        RecordSource.PORTAL_COMPRAS,
        row.fileName(),
        row.lineNumber(),
        runId,
        recordHash,
        contractNumber,
        ContractRules.blankToNull(row.field(CODIGO_ORGAO_SUPERIOR)),
        superiorName,
        ContractRules.blankToNull(row.field(CODIGO_ORGAO)),
        organName,
        unitCode,
        unitName,
        region(row),
        supplier,
        supplierName,
        modality(modalityRaw),
        modalityRaw,
        ContractRules.blankToNull(row.field(FUNDAMENTO_LEGAL)),
        objectText,
        signature,
        publication,
        start,
        end,
        initial,
        fin,
        flags);
  }

  /** The buyer's region from the raw (untrimmed: names cut at 45 characters) name fields. */
  private RegionResolution region(PortalComprasRow row) {
    return regions.resolve(
        row.field(NOME_UG), row.field(NOME_ORGAO), row.field(NOME_ORGAO_SUPERIOR));
  }

  private Modality modality(String raw) {
    Modality modality = modalityByText.get(raw);
    if (modality == null) {
      modality = Modality.normalise(raw);
      if (modalityByText.size() < CACHED_MODALITIES) {
        modalityByText.put(raw, modality);
      }
    }
    return modality;
  }

  private static LocalDate date(PortalComprasRow row, int columnIndex) {
    String column = PortalComprasFormat.COLUMNS.get(columnIndex);
    try {
      return BrazilianFormats.parseDate(row.field(columnIndex));
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_DATE, column + ": " + e.getMessage());
    }
  }

  private static BigDecimal money(PortalComprasRow row, int columnIndex) {
    String column = PortalComprasFormat.COLUMNS.get(columnIndex);
    try {
      return MoneyRules.exact(BrazilianFormats.parseMoney(row.field(columnIndex)), column);
    } catch (NumberFormatException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_VALUE, column + ": " + e.getMessage());
    }
  }

  /** SHA-256 (hex) of the raw line's UTF-8 bytes: equal for exact duplicate rows. */
  public static String recordHash(PortalComprasRow row) {
    return RecordHasher.hex(new RecordHasher().sha256(row.rawLine()));
  }
}
