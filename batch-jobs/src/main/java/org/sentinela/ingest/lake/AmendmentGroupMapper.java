package org.sentinela.ingest.lake;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sentinela.model.AmendmentRecord;
import org.sentinela.model.AmendmentSchema;
import org.sentinela.model.DataQualityFlag;

/** Turns an {@link AmendmentRecord} into a Parquet row of {@link AmendmentSchema}. */
public final class AmendmentGroupMapper {

  /** The parsed {@link AmendmentSchema#PARQUET_MESSAGE_TYPE}. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(AmendmentSchema.PARQUET_MESSAGE_TYPE);

  private final SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);

  public Group toGroup(AmendmentRecord r) {
    Group g = factory.newGroup();
    g.add(AmendmentSchema.SOURCE, r.source().name());
    g.add(AmendmentSchema.SOURCE_FILE, r.sourceFile());
    g.add(AmendmentSchema.SOURCE_RECORD, r.sourceRecord());
    g.add(AmendmentSchema.INGEST_RUN_ID, r.ingestRunId());
    g.add(AmendmentSchema.RECORD_HASH, r.recordHash());
    g.add(AmendmentSchema.CONTRACT_NUMBER, r.contractNumber());
    addText(g, AmendmentSchema.SUPERIOR_ORGAN_CODE, r.superiorOrganCode());
    addText(g, AmendmentSchema.SUPERIOR_ORGAN_NAME, r.superiorOrganName());
    addText(g, AmendmentSchema.ORGAN_CODE, r.organCode());
    addText(g, AmendmentSchema.ORGAN_NAME, r.organName());
    g.add(AmendmentSchema.UNIT_CODE, r.unitCode());
    addText(g, AmendmentSchema.UNIT_NAME, r.unitName());
    g.add(AmendmentSchema.AMENDMENT_NUMBER, r.amendmentNumber());
    g.add(AmendmentSchema.PUBLICATION_DATE, Math.toIntExact(r.publicationDate().toEpochDay()));
    addText(g, AmendmentSchema.OBJECT_TEXT, r.objectText());
    Group list = g.addGroup(AmendmentSchema.QUALITY_FLAGS);
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
}
