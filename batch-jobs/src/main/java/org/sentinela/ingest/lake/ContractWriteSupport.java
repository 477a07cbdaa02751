package org.sentinela.ingest.lake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sentinela.ingest.Utf8Buffer;
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

  private final Utf8Buffer utf8 = new Utf8Buffer();
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
    text(ContractSchema.SOURCE, r.source().name());
    text(ContractSchema.SOURCE_FILE, r.sourceFile());
    field(ContractSchema.SOURCE_RECORD);
    out.addLong(r.sourceRecord());
    end(ContractSchema.SOURCE_RECORD);
    text(ContractSchema.INGEST_RUN_ID, r.ingestRunId());
    text(ContractSchema.RECORD_HASH, r.recordHash());
    text(ContractSchema.NATURAL_KEY, r.naturalKey());
    text(ContractSchema.CONTRACT_NUMBER, r.contractNumber());
    text(ContractSchema.SUPERIOR_ORGAN_CODE, r.superiorOrganCode());
    text(ContractSchema.SUPERIOR_ORGAN_NAME, r.superiorOrganName());
    text(ContractSchema.ORGAN_CODE, r.organCode());
    text(ContractSchema.ORGAN_NAME, r.organName());
    text(ContractSchema.UNIT_CODE, r.unitCode());
    text(ContractSchema.UNIT_NAME, r.unitName());
    text(ContractSchema.BUYER_UF, r.region().uf());
    text(ContractSchema.BUYER_MUNICIPALITY_IBGE, r.region().municipalityIbgeCode());
    text(ContractSchema.REGION_METHOD, r.region().method());
    field(ContractSchema.REGION_CONFIDENCE);
    out.addDouble(r.region().confidence());
    end(ContractSchema.REGION_CONFIDENCE);
    text(ContractSchema.SUPPLIER_ID, r.supplier().value());
    text(ContractSchema.SUPPLIER_KIND, r.supplier().kind().name());
    field(ContractSchema.SUPPLIER_ID_VALID);
    out.addBoolean(r.supplier().valid());
    end(ContractSchema.SUPPLIER_ID_VALID);
    text(ContractSchema.SUPPLIER_NAME, r.supplierName());
    text(ContractSchema.MODALITY, r.modality().name());
    text(ContractSchema.MODALITY_RAW, r.modalityRaw());
    text(ContractSchema.LEGAL_BASIS, r.legalBasis());
    text(ContractSchema.OBJECT_TEXT, r.objectText());
    date(ContractSchema.SIGNATURE_DATE, r.signatureDate());
    date(ContractSchema.PUBLICATION_DATE, r.publicationDate());
    date(ContractSchema.START_DATE, r.startDate());
    date(ContractSchema.END_DATE, r.endDate());
    money(ContractSchema.INITIAL_VALUE, r.initialValue());
    money(ContractSchema.FINAL_VALUE, r.finalValue());
    flags(r);
    out.endMessage();
  }

  /** The LIST of flags: always present, possibly empty (as Parquet's three-level list). */
  private void flags(ContractRecord r) {
    field(ContractSchema.QUALITY_FLAGS);
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
    end(ContractSchema.QUALITY_FLAGS);
  }

  private void text(String name, String value) {
    if (value != null) {
      field(name);
      out.addBinary(binary(value));
      end(name);
    }
  }

  /** The text's UTF-8 bytes in the reused buffer: Parquet copies what it keeps. */
  private Binary binary(String text) {
    int length = utf8.encode(text);
    return Binary.fromReusedByteArray(utf8.bytes(), 0, length);
  }

  private void date(String name, LocalDate value) {
    if (value != null) {
      field(name);
      out.addInteger(Math.toIntExact(value.toEpochDay()));
      end(name);
    }
  }

  private void money(String name, BigDecimal value) {
    if (value != null) {
      field(name);
      out.addLong(value.setScale(ContractSchema.MONEY_SCALE).unscaledValue().longValueExact());
      end(name);
    }
  }

  private void field(String name) {
    out.startField(name, SCHEMA.getFieldIndex(name));
  }

  private void end(String name) {
    out.endField(name, SCHEMA.getFieldIndex(name));
  }
}
