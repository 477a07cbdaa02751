package org.sentinela.ingest.json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a JSON contract file's bytes become text. A UTF-8 byte-order mark is detected and skipped,
 * and then wins over the caller's declaration; without one, the declared charset is used (UTF-8 by
 * default, ISO-8859-1 when the caller says so). Bytes that are not valid in the charset make
 * reading fail instead of being replaced silently.
 */
final class JsonFileEncoding {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private JsonFileEncoding() {}

  /** True if the bytes start with a UTF-8 byte-order mark. */
  static boolean hasUtf8Bom(byte[] head) {
    return head.length >= 3
        && head[0] == UTF8_BOM[0]
        && head[1] == UTF8_BOM[1]
        && head[2] == UTF8_BOM[2];
  }

  /** The charset the file will be read with: UTF-8 if it has a BOM, else the declared one. */
  static Charset effectiveCharset(byte[] head, Charset declared) {
    return hasUtf8Bom(head) ? StandardCharsets.UTF_8 : declared;
  }

  /**
   * Opens the file as text, positioned after the BOM if there is one.
   *
   * @param declared the charset the caller expects (UTF-8 or ISO-8859-1 for the public sources)
   */
  static Reader open(Path file, Charset declared) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try {
      in.mark(UTF8_BOM.length);
      byte[] head = in.readNBytes(UTF8_BOM.length);
      if (!hasUtf8Bom(head)) {
        in.reset();
      }
      Charset charset = effectiveCharset(head, declared);
      return new InputStreamReader(
          in,
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }
}
