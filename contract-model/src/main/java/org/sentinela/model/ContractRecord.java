package org.sentinela.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The canonical contract record: what every source is mapped into and what the Parquet lake stores,
 * one row per accepted record version. Column names and types are in {@link ContractSchema}.
 *
 * @param source which public source the record came from
 * @param sourceFile file name the record was read from (no directory)
 * @param sourceRecord 1-based line (CSV, header = line 1) or record index (JSON) in that file
 * @param ingestRunId the run that ingested it
 * @param recordHash SHA-256 (hex) of the raw record: identical raw records share it
 * @param contractNumber contract number as published (not unique on its own)
 * @param superiorOrganCode "Órgão Superior" code (ministry)
 * @param superiorOrganName "Órgão Superior" name
 * @param organCode "Órgão" code
 * @param organName "Órgão" name
 * @param unitCode buyer unit ("UG", unidade gestora) code
 * @param unitName buyer unit name
 * @param region the buyer's region and how it was obtained
 * @param supplier supplier identifier, its kind and validity
 * @param supplierName supplier name as published (may be empty)
 * @param modality normalised modality
 * @param modalityRaw modality text as published
 * @param legalBasis "Fundamento Legal" text (often empty)
 * @param objectText object of the contract, cleaned of prefixes and control characters
 * @param signatureDate date the contract was signed (required: it partitions the lake)
 * @param publicationDate date of publication (DOU / PNCP), may be null
 * @param startDate start of validity, may be null
 * @param endDate end of validity, null when missing or a sentinel
 * @param initialValue initial value in R$, exact, may be null
 * @param finalValue final value in R$ including amendments, exact, may be null
 * @param qualityFlags suspicious-but-accepted marks
 */
public record ContractRecord(
    RecordSource source,
    String sourceFile,
    long sourceRecord,
    String ingestRunId,
    String recordHash,
    String contractNumber,
    String superiorOrganCode,
    String superiorOrganName,
    String organCode,
    String organName,
    String unitCode,
    String unitName,
    RegionResolution region,
    SupplierId supplier,
    String supplierName,
    Modality modality,
    String modalityRaw,
    String legalBasis,
    String objectText,
    LocalDate signatureDate,
    LocalDate publicationDate,
    LocalDate startDate,
    LocalDate endDate,
    BigDecimal initialValue,
    BigDecimal finalValue,
    List<DataQualityFlag> qualityFlags) {

  public ContractRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(ingestRunId, "ingestRunId");
    Objects.requireNonNull(recordHash, "recordHash");
    Objects.requireNonNull(contractNumber, "contractNumber");
    Objects.requireNonNull(unitCode, "unitCode");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(modality, "modality");
    Objects.requireNonNull(signatureDate, "signatureDate");
    qualityFlags = List.copyOf(qualityFlags);
  }

  /**
   * The natural key of a contract: buyer unit code, contract number and supplier id, joined by
   * {@code |}. A contract republished in a later file keeps its natural key.
   */
  public String naturalKey() {
    return naturalKey(unitCode, contractNumber, supplier.value());
  }

  /** The natural key from its parts, as {@link #naturalKey()} builds it. */
  public static String naturalKey(String unitCode, String contractNumber, String supplierId) {
    return unitCode + "|" + contractNumber + "|" + supplierId;
  }
}
