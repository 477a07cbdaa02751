package org.sentinela.ingest.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.sentinela.model.AmendmentSchema;
import org.sentinela.model.ContractAmendmentCountSchema;

/**
 * Derives the amendments-per-contract table from a whole amendment snapshot: per (unit code,
 * contract number), the distinct amendment numbers, the amendment rows and the first and last
 * publication dates. Rebuilt at every commit, so carried-over and new amendments both count.
 */
public final class ContractAmendmentCounts {

  /** The parsed {@link ContractAmendmentCountSchema#PARQUET_MESSAGE_TYPE}. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(ContractAmendmentCountSchema.PARQUET_MESSAGE_TYPE);

  /** The table's one file in a snapshot. */
  public static final String FILE_NAME = "part-all.parquet";

  private static final MessageType PROJECTION =
      MessageTypeParser.parseMessageType(
          """
          message amendment {
            required binary unit_code (STRING);
            required binary contract_number (STRING);
            required binary amendment_number (STRING);
            required int32 publication_date (DATE);
          }
          """);

  private ContractAmendmentCounts() {}

  /** The key of a contract as the Portal's contract and amendment files both give it. */
  private record ContractKey(String unitCode, String contractNumber)
      implements Comparable<ContractKey> {
    @Override
    public int compareTo(ContractKey o) {
      int byUnit = unitCode.compareTo(o.unitCode);
      return byUnit != 0 ? byUnit : contractNumber.compareTo(o.contractNumber);
    }
  }

  /** Running figures of one contract. */
  private static final class Tally {
    final Set<String> numbers = new HashSet<>();
    long rows;
    int firstDay = Integer.MAX_VALUE;
    int lastDay = Integer.MIN_VALUE;
  }

  /**
   * Reads every part of {@code amendmentSnapshot} (missing: none) and writes the counts to {@code
   * countSnapshot/part-all.parquet}, sorted by unit code and contract number.
   *
   * @return the number of contracts with at least one amendment
   */
  public static long write(Path amendmentSnapshot, Path countSnapshot) throws IOException {
    Map<ContractKey, Tally> tallies = new TreeMap<>();
    for (Path part : parts(amendmentSnapshot)) {
      try (ParquetReader<Group> reader = projectedReader(part)) {
        for (Group g = reader.read(); g != null; g = reader.read()) {
          ContractKey key =
              new ContractKey(
                  g.getString(AmendmentSchema.UNIT_CODE, 0),
                  g.getString(AmendmentSchema.CONTRACT_NUMBER, 0));
          Tally t = tallies.computeIfAbsent(key, k -> new Tally());
          t.numbers.add(g.getString(AmendmentSchema.AMENDMENT_NUMBER, 0));
          t.rows++;
          int day = g.getInteger(AmendmentSchema.PUBLICATION_DATE, 0);
          t.firstDay = Math.min(t.firstDay, day);
          t.lastDay = Math.max(t.lastDay, day);
        }
      }
    }
    Files.createDirectories(countSnapshot);
    SimpleGroupFactory factory = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> writer =
        ParquetFiles.openGroupWriter(
            countSnapshot.resolve(FILE_NAME),
            SCHEMA,
            Map.of(
                ContractAmendmentCountSchema.VERSION_METADATA_KEY,
                String.valueOf(ContractAmendmentCountSchema.VERSION)))) {
      for (Map.Entry<ContractKey, Tally> e : tallies.entrySet()) {
        Tally t = e.getValue();
        Group g = factory.newGroup();
        g.add(ContractAmendmentCountSchema.UNIT_CODE, e.getKey().unitCode());
        g.add(ContractAmendmentCountSchema.CONTRACT_NUMBER, e.getKey().contractNumber());
        g.add(ContractAmendmentCountSchema.AMENDMENTS, (long) t.numbers.size());
        g.add(ContractAmendmentCountSchema.AMENDMENT_RECORDS, t.rows);
        g.add(ContractAmendmentCountSchema.FIRST_PUBLICATION_DATE, t.firstDay);
        g.add(ContractAmendmentCountSchema.LAST_PUBLICATION_DATE, t.lastDay);
        writer.write(g);
      }
    }
    return tallies.size();
  }

  private static List<Path> parts(Path snapshot) throws IOException {
    if (!Files.isDirectory(snapshot)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(snapshot)) {
      return all.filter(p -> p.getFileName().toString().startsWith("part-"))
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .sorted()
          .toList();
    }
  }

  private static ParquetReader<Group> projectedReader(Path part) throws IOException {
    return new ParquetReader.Builder<Group>(new LocalInputFile(part)) {
      @Override
      protected ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.set(ReadSupport.PARQUET_READ_SCHEMA, PROJECTION.toString()).build();
  }
}
