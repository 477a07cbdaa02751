package org.sentinela.datagen;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One generated contract, as it will be written to a Compras file.
 *
 * @param unit the buyer unit
 * @param contractSeq sequence of the contract in its unit and signature year
 * @param category what it buys
 * @param objectPrefix true if "Objeto" starts with {@code "Objeto: "}
 * @param modality how it was procured
 * @param legalBasis "Fundamento Legal", usually empty
 * @param situation "Situação Contrato"
 * @param signatureDay signature date, epoch day
 * @param publicationDay publication in the DOU, epoch day; picks the monthly file
 * @param startDay start of validity, epoch day
 * @param endDay end of validity, epoch day
 * @param supplier the supplier id ({@link Suppliers})
 * @param initialCents "Valor Inicial Compra" in cents
 * @param finalCents "Valor Final Compra" in cents
 * @param tenderSeq sequence of the tender ("Número Licitação") when the modality has one
 * @param tenderYear year of the tender
 * @param notInformedCode {@code -3} or {@code -2} for "Sem Informação" rows
 */
public record ContractRow(
    BuyerUnit unit,
    int contractSeq,
    ObjectCategory category,
    boolean objectPrefix,
    ModalityProfile modality,
    String legalBasis,
    String situation,
    int signatureDay,
    int publicationDay,
    int startDay,
    int endDay,
    int supplier,
    long initialCents,
    long finalCents,
    int tenderSeq,
    int tenderYear,
    int notInformedCode) {

  public ContractRow {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(modality, "modality");
    if (signatureDay > publicationDay || startDay < signatureDay || endDay <= startDay) {
      throw new IllegalArgumentException(
          "dates out of order: signature "
              + LocalDate.ofEpochDay(signatureDay)
              + ", publication "
              + LocalDate.ofEpochDay(publicationDay)
              + ", validity "
              + LocalDate.ofEpochDay(startDay)
              + " to "
              + LocalDate.ofEpochDay(endDay));
    }
    if (initialCents < 0 || finalCents < 0) {
      throw new IllegalArgumentException("negative value: " + initialCents + ", " + finalCents);
    }
  }

  /** "Número do Contrato": the sequence followed by the signature year, e.g. {@code 292021}. */
  public String contractNumber() {
    return contractSeq + Integer.toString(signatureDate().getYear());
  }

  public LocalDate signatureDate() {
    return LocalDate.ofEpochDay(signatureDay);
  }

  /** The same contract under another number. */
  ContractRow withSeq(int seq) {
    return new ContractRow(
        unit,
        seq,
        category,
        objectPrefix,
        modality,
        legalBasis,
        situation,
        signatureDay,
        publicationDay,
        startDay,
        endDay,
        supplier,
        initialCents,
        finalCents,
        tenderSeq,
        tenderYear,
        notInformedCode);
  }
}
