package org.sentinela.ingest.json;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that remembers the characters read through it since the last {@link #forgetBefore}
 * point, so that the exact text of a JSON value can be cut out by the parser's character offsets.
 * Memory stays bounded by one record plus the parser's read-ahead buffer.
 */
final class RecordingReader extends Reader {

  private final Reader in;
  private final StringBuilder kept = new StringBuilder();
  private long keptFrom;

  RecordingReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      kept.append(buffer, offset, n);
    }
    return n;
  }

  /** Drops the text before a character offset (offsets count from the start of the input). */
  void forgetBefore(long offset) {
    int drop = (int) Math.min(Math.max(0, offset - keptFrom), kept.length());
    kept.delete(0, drop);
    keptFrom += drop;
  }

  /** The text between two offsets, both inside what has been read and not forgotten. */
  String text(long from, long to) {
    long start = Math.max(from, keptFrom);
    long end = Math.min(to, keptFrom + kept.length());
    if (end <= start) {
      return "";
    }
    return kept.substring((int) (start - keptFrom), (int) (end - keptFrom));
  }

  /**
   * Reads the rest of the input and counts its characters after {@code offset} that are not blank.
   */
  long nonBlankCharactersAfter(long offset) throws IOException {
    long count = 0;
    String buffered = text(offset, Long.MAX_VALUE);
    for (int i = 0; i < buffered.length(); i++) {
      count += Character.isWhitespace(buffered.charAt(i)) ? 0 : 1;
    }
    char[] chunk = new char[8192];
    for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
      for (int i = 0; i < n; i++) {
        count += Character.isWhitespace(chunk[i]) ? 0 : 1;
      }
    }
    return count;
  }

  /** Characters held now (for tests of the memory bound). */
  int keptCharacters() {
    return kept.length();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
