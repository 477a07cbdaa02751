package org.sentinela.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A contract amendment ("termo aditivo") as the lake stores it, one row per accepted record. Column
 * names and types are in {@link AmendmentSchema}.
 *
 * @param source which public source the record came from
 * @param sourceFile file name the record was read from (with {@code !entry} inside a zip)
 * @param sourceRecord 1-based line in that file (header = line 1)
 * @param ingestRunId the run that ingested it
 * @param recordHash SHA-256 (hex) of the raw record: identical raw records share it
 * @param contractNumber number of the amended contract, as the contract files publish it
 * @param superiorOrganCode "Órgão Superior" code (ministry)
 * @param superiorOrganName "Órgão Superior" name
 * @param organCode "Órgão" code
 * @param organName "Órgão" name
 * @param unitCode buyer unit ("UG") of the amended contract
 * @param unitName buyer unit name
 * @param amendmentNumber the amendment's number as published (e.g. {@code 000012021})
 * @param publicationDate date the amendment was published (required: it partitions the table)
 * @param objectText what the amendment does, cleaned of prefixes and control characters
 * @param qualityFlags suspicious-but-accepted marks
 */
public record AmendmentRecord(
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
    String amendmentNumber,
    LocalDate publicationDate,
    String objectText,
    List<DataQualityFlag> qualityFlags) {

  public AmendmentRecord {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(ingestRunId, "ingestRunId");
    Objects.requireNonNull(recordHash, "recordHash");
    requireText(contractNumber, "contractNumber");
    requireText(unitCode, "unitCode");
    requireText(amendmentNumber, "amendmentNumber");
    Objects.requireNonNull(publicationDate, "publicationDate");
    qualityFlags = List.copyOf(qualityFlags);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required, got '" + value + "'");
    }
  }
}
