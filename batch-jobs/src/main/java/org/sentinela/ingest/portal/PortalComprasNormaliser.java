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
    String contractNumber = row.field("Número do Contrato").strip();
    if (contractNumber.isEmpty()) {
      throw new RecordRejectedException(RejectionReason.MISSING_CONTRACT_NUMBER, "empty");
    }
    String unitCode = row.field("Código UG").strip();
    if (unitCode.isEmpty()) {
      throw new RecordRejectedException(RejectionReason.MISSING_UNIT_CODE, "empty");
    }
    LocalDate publication = date(row, "Data Publicação DOU");
    LocalDate signature =
        DateRules.requireSignature(
            date(row, "Data Assinatura Contrato"), publication, "Data Assinatura Contrato");
    LocalDate start = date(row, "Data Início Vigência");
    LocalDate end = date(row, "Data Fim Vigência");
    BigDecimal initial = money(row, "Valor Inicial Compra");
    BigDecimal fin = money(row, "Valor Final Compra");

    List<DataQualityFlag> flags = new ArrayList<>();
    end = DateRules.checkDates(signature, publication, start, end, flags);
    MoneyRules.checkValues(initial, fin, flags);
    SupplierId supplier = SupplierId.classify(row.field("Código Contratado"));
    String supplierName = ContractRules.blankToNull(row.field("Nome Contratado"));
    ContractRules.checkSupplier(supplier, supplierName, flags);
    String objectText = ContractRules.objectText(row.field("Objeto"), flags);
    String modalityRaw = row.field("Modalidade Compra").strip();
    String unitName = ContractRules.blankToNull(row.field("Nome UG"));
    String organName = ContractRules.blankToNull(row.field("Nome Órgão"));
    String superiorName = ContractRules.blankToNull(row.field("Nome Órgão Superior"));

    return new ContractRecord(
        RecordSource.PORTAL_COMPRAS,
        row.fileName(),
        row.lineNumber(),
        runId,
        recordHash,
        contractNumber,
        ContractRules.blankToNull(row.field("Código Órgão Superior")),
        superiorName,
        ContractRules.blankToNull(row.field("Código Órgão")),
        organName,
        unitCode,
        unitName,
        region(row),
        supplier,
        supplierName,
        modality(modalityRaw),
        modalityRaw,
        ContractRules.blankToNull(row.field("Fundamento Legal")),
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
        row.field("Nome UG"), row.field("Nome Órgão"), row.field("Nome Órgão Superior"));
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

  private static LocalDate date(PortalComprasRow row, String column) {
    try {
      return BrazilianFormats.parseDate(row.field(column));
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_DATE, column + ": " + e.getMessage());
    }
  }

  private static BigDecimal money(PortalComprasRow row, String column) {
    try {
      return MoneyRules.exact(BrazilianFormats.parseMoney(row.field(column)), column);
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
