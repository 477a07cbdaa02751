package org.sentinela.ingest.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.batch.item.ExecutionContext;

/** Test helpers for the committed JSON slices: locate, read whole, derive crafted records. */
public final class JsonSlices {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonSlices() {}

  /** A test resource next to the given class, as a file. */
  public static Path resource(Class<?> near, String name) {
    try {
      return Path.of(near.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name + " near " + near, e);
    }
  }

  /** Opens the reader, reads every record (a malformed one fails the test), closes it. */
  public static List<JsonRecord> readAll(JsonContractReader reader) {
    reader.open(new ExecutionContext());
    try {
      List<JsonRecord> records = new ArrayList<>();
      for (JsonRecord r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
      return records;
    } finally {
      reader.close();
    }
  }

  /** A copy of a real record with some fields changed: raw text re-serialised, same index. */
  public static JsonRecord changed(JsonRecord real, Consumer<ObjectNode> change) {
    ObjectNode copy = real.fields().deepCopy();
    change.accept(copy);
    try {
      return new JsonRecord(real.fileName(), real.index(), MAPPER.writeValueAsString(copy), copy);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
