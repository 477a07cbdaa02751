package org.sentinela.ingest.lake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;
import org.sentinela.model.ContractRecord;
import org.sentinela.model.ContractSchema;
import org.sentinela.model.DataQualityFlag;

/**
 * Writes a {@link ContractRecord} straight into a Parquet row of {@link ContractSchema}, field by
 * field, with no intermediate row object.
 */
public final class ContractWriteSupport extends WriteSupport<ContractRecord> {

  /** The parsed {@link ContractSchema#PARQUET_MESSAGE_TYPE}. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(ContractSchema.PARQUET_MESSAGE_TYPE);

  private static final Map<String, String> METADATA =
      Map.of(ContractSchema.VERSION_METADATA_KEY, String.valueOf(ContractSchema.VERSION));

  /** Field names by index: the schema's map from name to index cost a lookup per field. */
  private static final String[] NAMES =
      SCHEMA.getFields().stream().map(Type::getName).toArray(String[]::new);

  private static final int SOURCE = SCHEMA.getFieldIndex(ContractSchema.SOURCE);
  private static final int SOURCE_FILE = SCHEMA.getFieldIndex(ContractSchema.SOURCE_FILE);
  private static final int SOURCE_RECORD = SCHEMA.getFieldIndex(ContractSchema.SOURCE_RECORD);
  private static final int INGEST_RUN_ID = SCHEMA.getFieldIndex(ContractSchema.INGEST_RUN_ID);
  private static final int RECORD_HASH = SCHEMA.getFieldIndex(ContractSchema.RECORD_HASH);
  private static final int NATURAL_KEY = SCHEMA.getFieldIndex(ContractSchema.NATURAL_KEY);
  private static final int CONTRACT_NUMBER = SCHEMA.getFieldIndex(ContractSchema.CONTRACT_NUMBER);
  private static final int SUPERIOR_ORGAN_CODE =
      SCHEMA.getFieldIndex(ContractSchema.SUPERIOR_ORGAN_CODE);
  private static final int SUPERIOR_ORGAN_NAME =
      SCHEMA.getFieldIndex(ContractSchema.SUPERIOR_ORGAN_NAME);
  private static final int ORGAN_CODE = SCHEMA.getFieldIndex(ContractSchema.ORGAN_CODE);
  private static final int ORGAN_NAME = SCHEMA.getFieldIndex(ContractSchema.ORGAN_NAME);
  private static final int UNIT_CODE = SCHEMA.getFieldIndex(ContractSchema.UNIT_CODE);
  private static final int UNIT_NAME = SCHEMA.getFieldIndex(ContractSchema.UNIT_NAME);
  private static final int BUYER_UF = SCHEMA.getFieldIndex(ContractSchema.BUYER_UF);
  private static final int BUYER_MUNICIPALITY_IBGE =
      SCHEMA.getFieldIndex(ContractSchema.BUYER_MUNICIPALITY_IBGE);
  private static final int REGION_METHOD = SCHEMA.getFieldIndex(ContractSchema.REGION_METHOD);
  private static final int REGION_CONFIDENCE =
      SCHEMA.getFieldIndex(ContractSchema.REGION_CONFIDENCE);
  private static final int SUPPLIER_ID = SCHEMA.getFieldIndex(ContractSchema.SUPPLIER_ID);
  private static final int SUPPLIER_KIND = SCHEMA.getFieldIndex(ContractSchema.SUPPLIER_KIND);
  private static final int SUPPLIER_ID_VALID =
      SCHEMA.getFieldIndex(ContractSchema.SUPPLIER_ID_VALID);
  private static final int SUPPLIER_NAME = SCHEMA.getFieldIndex(ContractSchema.SUPPLIER_NAME);
  private static final int MODALITY = SCHEMA.getFieldIndex(ContractSchema.MODALITY);
  private static final int MODALITY_RAW = SCHEMA.getFieldIndex(ContractSchema.MODALITY_RAW);
  private static final int LEGAL_BASIS = SCHEMA.getFieldIndex(ContractSchema.LEGAL_BASIS);
  private static final int OBJECT_TEXT = SCHEMA.getFieldIndex(ContractSchema.OBJECT_TEXT);
  private static final int SIGNATURE_DATE = SCHEMA.getFieldIndex(ContractSchema.SIGNATURE_DATE);
  private static final int PUBLICATION_DATE = SCHEMA.getFieldIndex(ContractSchema.PUBLICATION_DATE);
  private static final int START_DATE = SCHEMA.getFieldIndex(ContractSchema.START_DATE);
  private static final int END_DATE = SCHEMA.getFieldIndex(ContractSchema.END_DATE);
  private static final int INITIAL_VALUE = SCHEMA.getFieldIndex(ContractSchema.INITIAL_VALUE);
  private static final int FINAL_VALUE = SCHEMA.getFieldIndex(ContractSchema.FINAL_VALUE);
  private static final int QUALITY_FLAGS = SCHEMA.getFieldIndex(ContractSchema.QUALITY_FLAGS);

  private RecordConsumer out;

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(SCHEMA, METADATA);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(SCHEMA, METADATA);
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(ContractRecord r) {
    out.startMessage();
    text(SOURCE, r.source().name());
    text(SOURCE_FILE, r.sourceFile());
    field(SOURCE_RECORD);
    out.addLong(r.sourceRecord());
    end(SOURCE_RECORD);
    text(INGEST_RUN_ID, r.ingestRunId());
    text(RECORD_HASH, r.recordHash());
    text(NATURAL_KEY, r.naturalKey());
    text(CONTRACT_NUMBER, r.contractNumber());
    text(SUPERIOR_ORGAN_CODE, r.superiorOrganCode());
    text(SUPERIOR_ORGAN_NAME, r.superiorOrganName());
    text(ORGAN_CODE, r.organCode());
    text(ORGAN_NAME, r.organName());
    text(UNIT_CODE, r.unitCode());
    text(UNIT_NAME, r.unitName());
    text(BUYER_UF, r.region().uf());
    text(BUYER_MUNICIPALITY_IBGE, r.region().municipalityIbgeCode());
    text(REGION_METHOD, r.region().method());
    field(REGION_CONFIDENCE);
    out.addDouble(r.region().confidence());
    end(REGION_CONFIDENCE);
    text(SUPPLIER_ID, r.supplier().value());
    text(SUPPLIER_KIND, r.supplier().kind().name());
    field(SUPPLIER_ID_VALID);
    out.addBoolean(r.supplier().valid());
    end(SUPPLIER_ID_VALID);
    text(SUPPLIER_NAME, r.supplierName());
    text(MODALITY, r.modality().name());
    text(MODALITY_RAW, r.modalityRaw());
    text(LEGAL_BASIS, r.legalBasis());
    text(OBJECT_TEXT, r.objectText());
    date(SIGNATURE_DATE, r.signatureDate());
    date(PUBLICATION_DATE, r.publicationDate());
    date(START_DATE, r.startDate());
    date(END_DATE, r.endDate());
    money(INITIAL_VALUE, r.initialValue());
    money(FINAL_VALUE, r.finalValue());
    flags(r);
    out.endMessage();
  }

  /** The LIST of flags: always present, possibly empty (as Parquet's three-level list). */
  private void flags(ContractRecord r) {
    field(QUALITY_FLAGS);
    out.startGroup();
    if (!r.qualityFlags().isEmpty()) {
      out.startField("list", 0);
      for (DataQualityFlag flag : r.qualityFlags()) {
        out.startGroup();
        out.startField("element", 0);
        out.addBinary(binary(flag.name()));
        out.endField("element", 0);
        out.endGroup();
      }
      out.endField("list", 0);
    }
    out.endGroup();
    end(QUALITY_FLAGS);
  }

  private void text(int index, String value) {
    if (value != null) {
      field(index);
      out.addBinary(binary(value));
      end(index);
    }
  }

  /**
   * The text's UTF-8 bytes. {@link String#getBytes} checks a Latin-1 string for non-ASCII bytes
   * with a vectorised intrinsic and copies it whole: measured faster than encoding char by char
   * into a reused buffer, the new array dying young.
   */
  private static Binary binary(String text) {
    return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
  }

  private void date(int index, LocalDate value) {
    if (value != null) {
      field(index);
      out.addInteger(Math.toIntExact(value.toEpochDay()));
      end(index);
    }
  }

  private void money(int index, BigDecimal value) {
    if (value != null) {
      field(index);
      out.addLong(value.setScale(ContractSchema.MONEY_SCALE).unscaledValue().longValueExact());
      end(index);
    }
  }

  private void field(int index) {
    out.startField(NAMES[index], index);
  }

  private void end(int index) {
    out.endField(NAMES[index], index);
  }
}
