package org.sentinela.ingest.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import org.sentinela.ingest.DateRules;
import org.sentinela.ingest.MoneyRules;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.ingest.SourceRecord;
import org.sentinela.model.BrazilianFormats;

/**
 * One contract object read from a JSON file: where it came from, its exact raw text (for the
 * quarantine and the record hash) and its parsed fields. Floating-point numbers are parsed as
 * {@link BigDecimal}, never as double.
 *
 * @param fileName file name the record was read from (no directory)
 * @param index 1-based position of the record in the file's contract array
 * @param rawJson the record's JSON text exactly as it appears in the file
 * @param fields the parsed record (a JSON object)
 */
public record JsonRecord(String fileName, long index, String rawJson, JsonNode fields)
    implements SourceRecord {

  public JsonRecord {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(rawJson, "rawJson");
    Objects.requireNonNull(fields, "fields");
    if (index < 1) {
      throw new IllegalArgumentException("record index is 1-based, got " + index);
    }
  }

  @Override
  public long recordNumber() {
    return index;
  }

  @Override
  public String rawText() {
    return rawJson;
  }

  /** The node at a path of field names; a missing node when any step is absent. */
  public JsonNode node(String... path) {
    JsonNode node = fields;
    for (String name : path) {
      node = node.path(name);
    }
    return node;
  }

  /**
   * The text of a scalar field, as published (not trimmed); null when absent or JSON null. A number
   * or boolean gives its JSON text.
   *
   * @throws RecordRejectedException (malformed) when the field is an object or an array
   */
  public String text(String... path) {
    JsonNode node = node(path);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw new RecordRejectedException(
          RejectionReason.MALFORMED_LINE,
          String.join(".", path) + " is a JSON " + node.getNodeType() + ", expected a value");
    }
    return node.asText();
  }

  /**
   * An exact number: a JSON number as written, or a text in Brazilian or plain format ({@code
   * "1.684.134,72"}, {@code "3544.95"}); null when absent, JSON null or blank.
   *
   * @throws NumberFormatException when the field is not a number
   */
  public BigDecimal decimal(String... path) {
    JsonNode node = node(path);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      return BrazilianFormats.parseMoney(node.textValue());
    }
    throw new NumberFormatException("a JSON " + node.getNodeType() + " is not a number");
  }

  /**
   * A money field at scale 4 ({@link MoneyRules#exact}); null when missing; rejected when not a
   * number, beyond 4 decimals or out of range.
   */
  public BigDecimal money(String... path) {
    String field = String.join(".", path);
    try {
      return MoneyRules.exact(decimal(path), field);
    } catch (NumberFormatException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_VALUE, field + ": " + e.getMessage());
    }
  }

  /** A date field (ISO, a time part ignored); null when missing; rejected when not a real date. */
  public LocalDate date(String... path) {
    try {
      return BrazilianFormats.parseDate(text(path));
    } catch (DateTimeException e) {
      throw new RecordRejectedException(
          RejectionReason.INVALID_DATE, String.join(".", path) + ": " + e.getMessage());
    }
  }

  /** The signature date field, required and plausible ({@link DateRules#requireSignature}). */
  public LocalDate signature(LocalDate publication, String... path) {
    return DateRules.requireSignature(date(path), publication, String.join(".", path));
  }

  /** SHA-256 (hex) of the raw text: equal for records that are identical in the file. */
  public String sha256() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(rawJson.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
