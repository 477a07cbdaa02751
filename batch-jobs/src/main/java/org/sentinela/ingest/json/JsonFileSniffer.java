package org.sentinela.ingest.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks at the first bytes of a file that should hold JSON contracts and says what is wrong when it
 * cannot be one: empty, an HTML page (a failed download), UTF-16 text, or text that does not start
 * with a JSON array or object. Cheap enough for an input-folder scan.
 */
public final class JsonFileSniffer {

  private static final int HEAD_BYTES = 1024;

  private JsonFileSniffer() {}

  /**
   * Why the file cannot be a JSON file of the named format, or empty if its start looks right.
   *
   * @param formatName shown in the message, e.g. {@code "PNCP"}
   */
  public static Optional<String> problem(Path file, Charset declared, String formatName) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HEAD_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    String notOurs = ", not a " + formatName + " JSON file";
    if (head.length >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      return Optional.of("is UTF-16 text" + notOurs + " (UTF-8 or ISO-8859-1 expected)");
    }
    int skip = JsonFileEncoding.hasUtf8Bom(head) ? 3 : 0;
    Charset charset = JsonFileEncoding.effectiveCharset(head, declared);
    String start = new String(head, skip, head.length - skip, charset).strip();
    if (start.isEmpty()) {
      return Optional.of("is empty" + notOurs);
    }
    String lower = start.toLowerCase(Locale.ROOT);
    if (lower.startsWith("<") && (lower.startsWith("<!doctype html") || lower.contains("<html"))) {
      return Optional.of("is an HTML page" + notOurs + " (a failed download?)");
    }
    char first = start.charAt(0);
    if (first != '[' && first != '{') {
      String shown = start.length() > 60 ? start.substring(0, 60) + "…" : start;
      return Optional.of(
          "does not start with a JSON array or object" + notOurs + ": it starts with " + shown);
    }
    return Optional.empty();
  }
}
