package org.sentinela.ingest.portal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.sentinela.ingest.ObjectTextCleaner;
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
import org.sentinela.model.SupplierKind;

/**
 * Maps a raw Compras row to the canonical record: validates what must be valid (throwing {@link
 * RecordRejectedException}) and marks what is suspicious but acceptable.
 */
public final class PortalComprasNormaliser {

  /** Values at or above this do not fit decimal(18,4). */
  private static final BigDecimal MONEY_LIMIT = new BigDecimal("100000000000000");

  private static final BigDecimal ONE_BILLION = new BigDecimal("1000000000");
  private static final int SENTINEL_END_YEAR = 2090;
  private static final int EARLIEST_SIGNATURE_YEAR = 1950;

  private final String runId;
  private final RegionResolver regions;
  // A file has a few thousand distinct buyer units; resolving each once keeps the ingest fast.
  private final Map<List<String>, RegionResolution> regionByNames = new HashMap<>();

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
    LocalDate signature = date(row, "Data Assinatura Contrato");
    if (signature == null) {
      throw new RecordRejectedException(RejectionReason.MISSING_SIGNATURE_DATE, "empty");
    }
    LocalDate publication = date(row, "Data Publicação DOU");
    LocalDate start = date(row, "Data Início Vigência");
    LocalDate end = date(row, "Data Fim Vigência");
    int latestYear = (publication == null ? LocalDate.now() : publication).getYear() + 1;
    if (signature.getYear() < EARLIEST_SIGNATURE_YEAR || signature.getYear() > latestYear) {
      throw new RecordRejectedException(
          RejectionReason.IMPOSSIBLE_SIGNATURE_DATE, "signed " + signature);
    }
    BigDecimal initial = money(row, "Valor Inicial Compra");
    BigDecimal fin = money(row, "Valor Final Compra");

    List<DataQualityFlag> flags = new ArrayList<>();
    if (end == null) {
      flags.add(DataQualityFlag.MISSING_END_DATE);
    } else if (end.getYear() >= SENTINEL_END_YEAR) {
      flags.add(DataQualityFlag.SENTINEL_END_DATE);
      end = null;
    } else if (start != null && end.isBefore(start)) {
      flags.add(DataQualityFlag.END_BEFORE_START);
    }
    if (publication != null && signature.isAfter(publication)) {
      flags.add(DataQualityFlag.SIGNED_AFTER_PUBLICATION);
    }
    if (signature.getYear() < 2000) {
      flags.add(DataQualityFlag.SIGNED_BEFORE_2000);
    }
    addValueFlags(initial, fin, flags);
    SupplierId supplier = SupplierId.classify(row.field("Código Contratado"));
    if ((supplier.kind() == SupplierKind.CNPJ || supplier.kind() == SupplierKind.CPF)
        && !supplier.valid()) {
      flags.add(DataQualityFlag.INVALID_SUPPLIER_ID);
    }
    String supplierName = blankToNull(row.field("Nome Contratado"));
    if (supplierName == null) {
      flags.add(DataQualityFlag.MISSING_SUPPLIER_NAME);
    }
    String rawObject = row.field("Objeto");
    if (ObjectTextCleaner.hasControlCharacters(rawObject)) {
      flags.add(DataQualityFlag.CONTROL_CHARACTERS_REMOVED);
    }
    String modalityRaw = row.field("Modalidade Compra").strip();
    String unitName = blankToNull(row.field("Nome UG"));
    String organName = blankToNull(row.field("Nome Órgão"));
    String superiorName = blankToNull(row.field("Nome Órgão Superior"));

    return new ContractRecord(
        RecordSource.PORTAL_COMPRAS,
        row.fileName(),
        row.lineNumber(),
        runId,
        recordHash,
        contractNumber,
        blankToNull(row.field("Código Órgão Superior")),
        superiorName,
        blankToNull(row.field("Código Órgão")),
        organName,
        unitCode,
        unitName,
        region(row),
        supplier,
        supplierName,
        Modality.normalise(modalityRaw),
        modalityRaw,
        blankToNull(row.field("Fundamento Legal")),
        blankToNull(ObjectTextCleaner.clean(rawObject)),
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
    List<String> names =
        List.of(row.field("Nome UG"), row.field("Nome Órgão"), row.field("Nome Órgão Superior"));
    return regionByNames.computeIfAbsent(names, n -> regions.resolve(n.get(0), n.get(1), n.get(2)));
  }

  private static void addValueFlags(
      BigDecimal initial, BigDecimal fin, List<DataQualityFlag> flags) {
    if (isZero(initial) || isZero(fin)) {
      flags.add(DataQualityFlag.ZERO_VALUE);
    }
    if ((initial != null && initial.signum() < 0) || (fin != null && fin.signum() < 0)) {
      flags.add(DataQualityFlag.NEGATIVE_VALUE);
    }
    if (initial != null && fin != null) {
      if (fin.compareTo(initial) < 0) {
        flags.add(DataQualityFlag.FINAL_BELOW_INITIAL);
      } else if (initial.signum() > 0 && fin.compareTo(initial.multiply(BigDecimal.TEN)) > 0) {
        flags.add(DataQualityFlag.FINAL_ABOVE_10X_INITIAL);
      }
    }
    if ((initial != null && initial.compareTo(ONE_BILLION) > 0)
        || (fin != null && fin.compareTo(ONE_BILLION) > 0)) {
      flags.add(DataQualityFlag.VALUE_ABOVE_1_BILLION);
    }
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
    BigDecimal value;
    try {
      value = BrazilianFormats.parseMoney(row.field(column));
    } catch (NumberFormatException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_VALUE, column + ": " + e.getMessage());
    }
    if (value != null && value.abs().compareTo(MONEY_LIMIT) >= 0) {
      throw new RecordRejectedException(
          RejectionReason.VALUE_OUT_OF_RANGE, column + ": " + value.toPlainString());
    }
    if (value != null && value.scale() > 4) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_VALUE, column + ": more than 4 decimals in " + value);
    }
    return value == null ? null : value.setScale(4);
  }

  private static boolean isZero(BigDecimal value) {
    return value != null && value.signum() == 0;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** SHA-256 (hex) of the raw line: equal for exact duplicate rows. */
  public static String recordHash(PortalComprasRow row) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(row.rawLine().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
