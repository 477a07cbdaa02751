package org.sentinela.ingest.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import org.springframework.batch.item.ExecutionContext;
import org.springframework.batch.item.ItemStreamReader;

/**
 * Streams the contract objects of a JSON file one at a time with Jackson's streaming parser: the
 * file is never loaded whole, memory stays at about one record. Each {@link JsonRecord} carries its
 * 1-based index in the array and its exact raw text.
 *
 * <p>Problems, from mildest: an array element that is not an object is thrown as a {@link
 * MalformedJsonRecordException} (skippable into the quarantine) and reading goes on; JSON that
 * breaks inside the array (a truncated file, a stray character) is thrown the same way for the
 * broken record, saying how much of the file is left unread, and the reader then ends; a file that
 * is not JSON, is an HTML page, has no contract array or cannot be decoded fails whole with {@link
 * UnreadableJsonFileException}. Not restartable mid-file (no state is saved), like the Portal's.
 */
public class JsonContractReader implements ItemStreamReader<JsonRecord> {

  private final Path file;
  private final Charset charset;
  private final String formatName;
  private final String envelopeField;
  private ContractArrayCursor cursor;

  /**
   * @param charset the declared charset (a UTF-8 BOM overrides it)
   * @param formatName the format's name in messages, e.g. {@code "PNCP"}
   * @param envelopeField the envelope's array field, or null when only a plain array is accepted
   */
  public JsonContractReader(Path file, Charset charset, String formatName, String envelopeField) {
    this.file = file;
    this.charset = charset;
    this.formatName = formatName;
    this.envelopeField = envelopeField;
  }

  /**
   * Checks the file's start and moves to its contract array.
   *
   * @throws UnreadableJsonFileException when the file cannot be a JSON file of this format
   */
  @Override
  public void open(ExecutionContext executionContext) {
    JsonFileSniffer.problem(file, charset, formatName)
        .ifPresent(
            problem -> {
              throw new UnreadableJsonFileException(name() + " " + problem);
            });
    Reader input = null;
    try {
      input = JsonFileEncoding.open(file, charset);
      cursor = new ContractArrayCursor(input, name(), formatName, envelopeField);
    } catch (JsonProcessingException e) {
      closeQuietly(input);
      throw JsonReadProblems.notJson(name(), formatName, e);
    } catch (IOException e) {
      closeQuietly(input);
      throw JsonReadProblems.unreadable(name(), charset, e);
    } catch (RuntimeException e) {
      closeQuietly(input);
      throw e;
    }
  }

  /**
   * The next contract record, or null at the end of the array.
   *
   * @throws MalformedJsonRecordException for a record that cannot be read (see above)
   * @throws UnreadableJsonFileException when the file cannot be read or decoded
   */
  @Override
  public JsonRecord read() {
    if (cursor == null) {
      throw new IllegalStateException("the reader of " + name() + " is not open");
    }
    try {
      return cursor.next();
    } catch (IOException e) {
      throw JsonReadProblems.unreadable(name(), charset, e);
    }
  }

  @Override
  public void close() {
    ContractArrayCursor open = cursor;
    cursor = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        throw new UnreadableJsonFileException("cannot close " + name(), e);
      }
    }
  }

  private String name() {
    return file.getFileName().toString();
  }

  private static void closeQuietly(Reader input) {
    if (input != null) {
      try {
        input.close();
      } catch (IOException ignored) {
        // the open failure is what matters
      }
    }
  }
}
