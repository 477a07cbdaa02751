package org.sentinela.ingest.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.ExecutionContext;

/** The streaming reader on crafted files: layouts, encodings and every kind of bad input. */
class JsonContractReaderTest {

  @TempDir Path dir;

  @Test
  void readsAPlainArrayWithOneBasedIndexesAndTheExactRawText() throws IOException {
    JsonContractReader reader = open("[{\"a\": 1},\n  {\"b\" : \"x\"} ]", "data");

    JsonRecord first = reader.read();
    JsonRecord second = reader.read();

    assertThat(first.index()).isEqualTo(1);
    assertThat(first.rawJson()).isEqualTo("{\"a\": 1}");
    assertThat(first.fileName()).isEqualTo("contracts.json");
    assertThat(second.index()).isEqualTo(2);
    assertThat(second.rawJson()).isEqualTo("{\"b\" : \"x\"}");
    assertThat(second.text("b")).isEqualTo("x");
    assertThat(reader.read()).isNull();
    assertThat(reader.read()).isNull();
  }

  @Test
  void cutsExactTextAroundCharactersOutsideTheBasicPlaneAndCrlf() throws IOException {
    String first = "{\"obj\": \"PRÊMIO 🏆 “ÚNICO” ¿\",\r\n \"v\": 1.5}";
    String second = "{\"obj\": \"𝔸\"}";
    JsonContractReader reader = open("[\r\n" + first + ",\r\n" + second + "\r\n]", null);

    assertThat(reader.read().rawJson()).isEqualTo(first);
    assertThat(reader.read().rawJson()).isEqualTo(second);
    assertThat(reader.read()).isNull();
  }

  @Test
  void readsTheArrayOfAnApiEnvelopeAndSkipsItsOtherFields() throws IOException {
    String envelope =
        "{\"totalRegistros\": 2, \"meta\": {\"x\": [1, {\"data\": 0}]}, "
            + "\"data\": [{\"a\": 1}, {\"a\": 2}], \"totalPaginas\": 1, \"empty\": false}";
    JsonContractReader reader = open(envelope, "data");

    List<JsonRecord> records = readAll(reader);

    assertThat(records).extracting(JsonRecord::rawJson).containsExactly("{\"a\": 1}", "{\"a\": 2}");
    assertThat(records).extracting(JsonRecord::index).containsExactly(1L, 2L);
  }

  @Test
  void anEnvelopeWithANullOrEmptyDataArrayHasNoRecords() throws IOException {
    assertThat(open("{\"data\": null, \"empty\": true}", "data").read()).isNull();
    assertThat(open("{\"data\": [], \"empty\": true}", "data").read()).isNull();
  }

  @Test
  void refusesAnObjectWithoutTheEnvelopeField() {
    assertThatThrownBy(() -> open("{\"registros\": [{\"a\": 1}]}", "data"))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessageContaining("contracts.json is a JSON object without a 'data' array");
  }

  @Test
  void aFormatWithoutEnvelopeRefusesATopLevelObject() {
    assertThatThrownBy(() -> open("{\"data\": [{\"a\": 1}]}", null))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessage("contracts.json holds a JSON object, not an array of TEST contracts");
  }

  @Test
  void skipsAUtf8ByteOrderMarkEvenWhenTheCallerDeclaresLatin1() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "[{\"nome\": \"AÇÃO ¿\"}]".getBytes(StandardCharsets.UTF_8);
    Path file = write(concat(bom, body));

    JsonRecord record = open(file, StandardCharsets.ISO_8859_1, "data").read();

    assertThat(record.text("nome")).isEqualTo("AÇÃO ¿");
    assertThat(record.rawJson()).isEqualTo("{\"nome\": \"AÇÃO ¿\"}");
  }

  @Test
  void readsLatin1WhenDeclaredAndRefusesItAsUtf8() throws IOException {
    Path file = write("[{\"nome\": \"LICITAÇÃO\"}]".getBytes(StandardCharsets.ISO_8859_1));

    JsonRecord record = open(file, StandardCharsets.ISO_8859_1, "data").read();

    assertThat(record.text("nome")).isEqualTo("LICITAÇÃO");
    assertThatThrownBy(() -> readAll(open(file, StandardCharsets.UTF_8, "data")))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessageContaining("is not valid UTF-8 text");
  }

  @Test
  void reportsElementsThatAreNotObjectsAndGoesOn() throws IOException {
    JsonContractReader reader =
        open("[{\"a\": 1}, 42, \"x\\\"y\", [1, [2]], null, {\"a\": 2}]", null);

    assertThat(reader.read().index()).isEqualTo(1);
    List<MalformedJsonRecordException> problems = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      problems.add(catchThrowableOfType(MalformedJsonRecordException.class, reader::read));
    }
    JsonRecord last = reader.read();

    assertThat(problems)
        .extracting(MalformedJsonRecordException::recordIndex)
        .containsExactly(2L, 3L, 4L, 5L);
    assertThat(problems)
        .extracting(MalformedJsonRecordException::rawText)
        .containsExactly("42", "\"x\\\"y\"", "[1, [2]]", "null");
    assertThat(problems.get(0))
        .hasMessage("contracts.json record 2 is a JSON number, not an object");
    assertThat(problems.get(2)).hasMessageContaining("is a JSON array, not an object");
    assertThat(last.index()).isEqualTo(6);
    assertThat(last.rawJson()).isEqualTo("{\"a\": 2}");
    assertThat(reader.read()).isNull();
  }

  @Test
  void aTruncatedFileReportsItsLastRecordAndEnds() throws IOException {
    JsonContractReader reader = open("[{\"a\": 1}, {\"a\": 2, \"b\": \"tru", null);

    assertThat(reader.read().index()).isEqualTo(1);
    MalformedJsonRecordException broken =
        catchThrowableOfType(MalformedJsonRecordException.class, reader::read);

    assertThat(broken.recordIndex()).isEqualTo(2);
    assertThat(broken.rawText()).isEqualTo("{\"a\": 2, \"b\": \"tru");
    assertThat(broken.getMessage())
        .startsWith("contracts.json record 2: broken JSON at line 1, column")
        .endsWith("; the file ends there (truncated?)");
    assertThat(reader.read()).isNull();
  }

  @Test
  void aFileCutBetweenRecordsIsReportedToo() throws IOException {
    JsonContractReader reader = open("[{\"a\": 1},\n", null);

    reader.read();
    MalformedJsonRecordException broken =
        catchThrowableOfType(MalformedJsonRecordException.class, reader::read);

    assertThat(broken.recordIndex()).isEqualTo(2);
    assertThat(broken.getMessage()).contains("truncated?");
    assertThat(reader.read()).isNull();
  }

  @Test
  void brokenJsonInsideTheArraySaysHowMuchOfTheFileIsLeftUnread() throws IOException {
    JsonContractReader reader = open("[{\"a\": 1}, {\"a\": 2 x}, {\"a\": 3}]", null);

    reader.read();
    MalformedJsonRecordException broken =
        catchThrowableOfType(MalformedJsonRecordException.class, reader::read);

    assertThat(broken.recordIndex()).isEqualTo(2);
    assertThat(broken.rawText()).startsWith("{\"a\": 2");
    assertThat(broken.getMessage())
        .contains("broken JSON at line 1, column")
        .containsPattern("the rest of the file \\(1\\d non-blank characters\\) cannot be read");
    assertThat(reader.read()).isNull();
  }

  @Test
  void textAfterAPlainArrayIsReportedNotIgnored() throws IOException {
    JsonContractReader reader = open("[{\"a\": 1}]\n[{\"a\": 2}]\n", null);

    reader.read();
    MalformedJsonRecordException trailing =
        catchThrowableOfType(MalformedJsonRecordException.class, reader::read);

    assertThat(trailing.recordIndex()).isEqualTo(2);
    assertThat(trailing.getMessage())
        .isEqualTo("contracts.json: 9 non-blank characters after the contract array were not read");
    assertThat(trailing.rawText()).isEqualTo("[{\"a\": 2}]");
  }

  @Test
  void anHtmlPageFailsTheWholeFileWithAClearMessage() throws IOException {
    Path file = write("\n<!DOCTYPE html>\n<html><body>Erro 503</body></html>".getBytes(UTF8));

    assertThatThrownBy(() -> open(file, UTF8, "data"))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessage("contracts.json is an HTML page, not a TEST JSON file (a failed download?)");
  }

  @Test
  void emptyAndNonJsonFilesFailWhole() throws IOException {
    Path empty = write("empty.json", " \n".getBytes(UTF8));
    Path csv = write("table.json", "numero;valor\n1;2\n".getBytes(UTF8));

    assertThatThrownBy(() -> open(empty, UTF8, "data"))
        .hasMessage("empty.json is empty, not a TEST JSON file");
    assertThatThrownBy(() -> open(csv, UTF8, "data"))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessageStartingWith(
            "table.json does not start with a JSON array or object, not a TEST JSON file: it starts"
                + " with numero;valor");
  }

  @Test
  void aFileThatBreaksBeforeItsArrayFailsWhole() {
    assertThatThrownBy(() -> open("{\"totalRegistros\": 3, \"data\" [", "data"))
        .isInstanceOf(UnreadableJsonFileException.class)
        .hasMessageStartingWith("contracts.json is not a TEST JSON file: at line 1, column");
  }

  @Test
  void readsNumbersExactlyNeverThroughDouble() throws IOException {
    JsonRecord record =
        open("[{\"v\": 1234567890123.4567, \"w\": 17699.9993, \"z\": 0.1, \"n\": 7}]", null).read();

    assertThat(record.decimal("v")).isEqualByComparingTo("1234567890123.4567");
    assertThat(record.decimal("v").toPlainString()).isEqualTo("1234567890123.4567");
    assertThat(record.decimal("w").toPlainString()).isEqualTo("17699.9993");
    assertThat(record.decimal("z").toPlainString()).isEqualTo("0.1");
    assertThat(record.decimal("n")).isEqualByComparingTo("7");
  }

  @Test
  void readingBeforeOpenIsAnError() {
    JsonContractReader reader = new JsonContractReader(dir.resolve("x.json"), UTF8, "TEST", null);

    assertThatThrownBy(reader::read).isInstanceOf(IllegalStateException.class);
  }

  private static final Charset UTF8 = StandardCharsets.UTF_8;

  private JsonContractReader open(String json, String envelopeField) throws IOException {
    return open(write(json.getBytes(UTF8)), UTF8, envelopeField);
  }

  private JsonContractReader open(Path file, Charset charset, String envelopeField) {
    JsonContractReader reader = new JsonContractReader(file, charset, "TEST", envelopeField);
    reader.open(new ExecutionContext());
    return reader;
  }

  private Path write(byte[] bytes) throws IOException {
    return write("contracts.json", bytes);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  private static List<JsonRecord> readAll(JsonContractReader reader) {
    List<JsonRecord> records = new ArrayList<>();
    for (JsonRecord r = reader.read(); r != null; r = reader.read()) {
      records.add(r);
    }
    reader.close();
    return records;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
