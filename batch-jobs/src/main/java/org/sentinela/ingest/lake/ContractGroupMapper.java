package org.sentinela.ingest.lake;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.ContractSchema;
import org.sentinela.model.DataQualityFlag;

/** Turns a {@link ContractRecord} into a Parquet row of {@link ContractSchema}. */
public final class ContractGroupMapper {

  /** The parsed {@link ContractSchema#PARQUET_MESSAGE_TYPE}. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(ContractSchema.PARQUET_MESSAGE_TYPE);

  private final SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);

  public Group toGroup(ContractRecord r) {
    Group g = factory.newGroup();
    g.add(ContractSchema.SOURCE, r.source().name());
    g.add(ContractSchema.SOURCE_FILE, r.sourceFile());
    g.add(ContractSchema.SOURCE_RECORD, r.sourceRecord());
    g.add(ContractSchema.INGEST_RUN_ID, r.ingestRunId());
    g.add(ContractSchema.RECORD_HASH, r.recordHash());
    g.add(ContractSchema.NATURAL_KEY, r.naturalKey());
    g.add(ContractSchema.CONTRACT_NUMBER, r.contractNumber());
    addText(g, ContractSchema.SUPERIOR_ORGAN_CODE, r.superiorOrganCode());
    addText(g, ContractSchema.SUPERIOR_ORGAN_NAME, r.superiorOrganName());
    addText(g, ContractSchema.ORGAN_CODE, r.organCode());
    addText(g, ContractSchema.ORGAN_NAME, r.organName());
    g.add(ContractSchema.UNIT_CODE, r.unitCode());
    addText(g, ContractSchema.UNIT_NAME, r.unitName());
    g.add(ContractSchema.BUYER_UF, r.region().uf());
    addText(g, ContractSchema.BUYER_MUNICIPALITY_IBGE, r.region().municipalityIbgeCode());
    g.add(ContractSchema.REGION_METHOD, r.region().method());
    g.add(ContractSchema.REGION_CONFIDENCE, r.region().confidence());
    g.add(ContractSchema.SUPPLIER_ID, r.supplier().value());
    g.add(ContractSchema.SUPPLIER_KIND, r.supplier().kind().name());
    g.add(ContractSchema.SUPPLIER_ID_VALID, r.supplier().valid());
    addText(g, ContractSchema.SUPPLIER_NAME, r.supplierName());
    g.add(ContractSchema.MODALITY, r.modality().name());
    addText(g, ContractSchema.MODALITY_RAW, r.modalityRaw());
    addText(g, ContractSchema.LEGAL_BASIS, r.legalBasis());
    addText(g, ContractSchema.OBJECT_TEXT, r.objectText());
    g.add(ContractSchema.SIGNATURE_DATE, epochDay(r.signatureDate()));
    addDate(g, ContractSchema.PUBLICATION_DATE, r.publicationDate());
    addDate(g, ContractSchema.START_DATE, r.startDate());
    addDate(g, ContractSchema.END_DATE, r.endDate());
    addMoney(g, ContractSchema.INITIAL_VALUE, r.initialValue());
    addMoney(g, ContractSchema.FINAL_VALUE, r.finalValue());
    Group list = g.addGroup(ContractSchema.QUALITY_FLAGS);
    for (DataQualityFlag flag : r.qualityFlags()) {
      list.addGroup("list").add("element", flag.name());
    }
    return g;
  }

  private static void addText(Group g, String field, String value) {
    if (value != null) {
      g.add(field, value);
    }
  }

  private static void addDate(Group g, String field, LocalDate value) {
    if (value != null) {
      g.add(field, epochDay(value));
    }
  }

  private static void addMoney(Group g, String field, BigDecimal value) {
    if (value != null) {
      g.add(field, value.setScale(ContractSchema.MONEY_SCALE).unscaledValue().longValueExact());
    }
  }

  private static int epochDay(LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }
}
