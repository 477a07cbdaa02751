package org.sentinela.ingest.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sentinela.ingest.ContractRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.model.AmendmentRecord;
import org.sentinela.model.BrazilianFormats;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.RecordSource;

/**
 * Maps a raw TermoAditivo row to an {@link AmendmentRecord}: the amended contract (unit code and
 * number), the amendment's number and publication date are required; the rest is kept as published.
 */
public final class PortalAmendmentNormaliser {

  private final String runId;

  public PortalAmendmentNormaliser(String runId) {
    this.runId = runId;
  }

  /**
   * The amendment for a row, or a {@link RecordRejectedException} saying why not.
   *
   * @param recordHash the row's {@link #recordHash(PortalAmendmentRow)}
   */
  public AmendmentRecord normalise(PortalAmendmentRow row, String recordHash) {
    String contractNumber =
        ContractRules.required(
            row.field("Número Contrato"),
            RejectionReason.MISSING_CONTRACT_NUMBER,
            "Número Contrato");
    String unitCode =
        ContractRules.required(
            row.field("Código UG"), RejectionReason.MISSING_UNIT_CODE, "Código UG");
    String amendmentNumber =
        ContractRules.required(
            row.field("Número Termo Aditivo"),
            RejectionReason.MISSING_AMENDMENT_NUMBER,
            "Número Termo Aditivo");
    LocalDate publication = publicationDate(row);
    List<DataQualityFlag> flags = new ArrayList<>();
    String objectText = ContractRules.objectText(row.field("Objeto"), flags);
    return new AmendmentRecord(
        RecordSource.PORTAL_TERMO_ADITIVO,
        row.fileName(),
        row.lineNumber(),
        runId,
        recordHash,
        contractNumber,
        ContractRules.blankToNull(row.field("Código Órgão Superior")),
        ContractRules.blankToNull(row.field("Nome Órgão Superior")),
        ContractRules.blankToNull(row.field("Código Órgão")),
        ContractRules.blankToNull(row.field("Nome Órgão")),
        unitCode,
        ContractRules.blankToNull(row.field("Nome UG")),
        amendmentNumber,
        publication,
        objectText,
        flags);
  }

  private static LocalDate publicationDate(PortalAmendmentRow row) {
    LocalDate date;
    try {
      date = BrazilianFormats.parseDate(row.field("Data Publicação"));
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_DATE, "Data Publicação: " + e.getMessage());
    }
    if (date == null) {
      throw new RecordRejectedException(
          RejectionReason.MISSING_PUBLICATION_DATE, "Data Publicação is missing");
    }
    return date;
  }

  /** SHA-256 (hex) of the raw line: equal for exact duplicate rows. */
  public static String recordHash(PortalAmendmentRow row) {
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
