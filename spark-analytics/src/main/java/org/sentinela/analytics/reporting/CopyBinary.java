package org.sentinela.analytics.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows for PostgreSQL's {@code COPY … FROM STDIN (FORMAT binary)}: no number is turned into
 * text and parsed back, so a double arrives bit for bit and neither side spends time on digits.
 * Each field must match its column's type exactly ({@code smallint}, {@code integer}, {@code
 * bigint}, {@code double precision}, {@code text}). Buffered: {@link #finish} writes the rest.
 */
final class CopyBinary {

  private static final byte[] SIGNATURE = {
    'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0
  };
  private static final int NULL_LENGTH = -1;

  private final OutputStream out;
  private final ByteBuffer buffer;

  /** Starts the COPY data: signature, flags and an empty header extension. */
  CopyBinary(OutputStream out, int bufferBytes) {
    this.out = out;
    this.buffer = ByteBuffer.allocate(Math.max(bufferBytes, 64));
    buffer.put(SIGNATURE).putInt(0).putInt(0);
  }

  /** Starts a row of {@code fields} fields. */
  CopyBinary row(int fields) throws IOException {
    room(2).putShort((short) fields);
    return this;
  }

  /** A {@code text} field, null as SQL null. */
  CopyBinary text(String value) throws IOException {
    if (value == null) {
      room(4).putInt(NULL_LENGTH);
      return this;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    room(4).putInt(utf8.length);
    if (utf8.length <= buffer.capacity()) {
      room(utf8.length).put(utf8);
    } else {
      drain();
      out.write(utf8);
    }
    return this;
  }

  /** A {@code smallint} field. */
  CopyBinary int2(int value) throws IOException {
    if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
      throw new IllegalArgumentException("not a smallint: " + value);
    }
    room(6).putInt(2).putShort((short) value);
    return this;
  }

  /** An {@code integer} field. */
  CopyBinary int4(int value) throws IOException {
    room(8).putInt(4).putInt(value);
    return this;
  }

  /** A {@code bigint} field. */
  CopyBinary int8(long value) throws IOException {
    room(12).putInt(8).putLong(value);
    return this;
  }

  /** A {@code double precision} field. */
  CopyBinary float8(double value) throws IOException {
    room(12).putInt(8).putDouble(value);
    return this;
  }

  /** Ends the COPY data with its trailer and writes out what is buffered. */
  void finish() throws IOException {
    room(2).putShort((short) -1);
    drain();
    out.flush();
  }

  private ByteBuffer room(int bytes) throws IOException {
    if (buffer.remaining() < bytes) {
      drain();
    }
    return buffer;
  }

  private void drain() throws IOException {
    out.write(buffer.array(), 0, buffer.position());
    buffer.clear();
  }
}
