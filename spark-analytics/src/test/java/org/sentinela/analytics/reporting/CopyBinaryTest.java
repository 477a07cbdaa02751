package org.sentinela.analytics.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CopyBinaryTest {

  private static DataInputStream read(ByteArrayOutputStream bytes) {
    return new DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void writesTheSignatureEachFieldWithItsLengthAndTheTrailer() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CopyBinary copy = new CopyBinary(bytes, 64);
    copy.row(6).text("Pregão").text(null).int2(12).int4(3).int8(5_000_000_000L).float8(0.1 + 0.2);
    copy.finish();

    DataInputStream in = read(bytes);
    byte[] signature = new byte[11];
    in.readFully(signature);
    assertThat(signature).isEqualTo("PGCOPY\n\u00ff\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(in.readInt()).as("flags").isZero();
    assertThat(in.readInt()).as("header extension").isZero();
    assertThat(in.readShort()).as("fields").isEqualTo((short) 6);
    byte[] utf8 = "Pregão".getBytes(StandardCharsets.UTF_8);
    assertThat(in.readInt()).isEqualTo(utf8.length);
    byte[] text = new byte[utf8.length];
    in.readFully(text);
    assertThat(text).isEqualTo(utf8);
    assertThat(in.readInt()).as("null").isEqualTo(-1);
    assertThat(in.readInt()).isEqualTo(2);
    assertThat(in.readShort()).isEqualTo((short) 12);
    assertThat(in.readInt()).isEqualTo(4);
    assertThat(in.readInt()).isEqualTo(3);
    assertThat(in.readInt()).isEqualTo(8);
    assertThat(in.readLong()).isEqualTo(5_000_000_000L);
    assertThat(in.readInt()).isEqualTo(8);
    assertThat(in.readDouble()).isEqualTo(0.1 + 0.2);
    assertThat(in.readShort()).as("trailer").isEqualTo((short) -1);
    assertThat(in.available()).isZero();
  }

  @Test
  void textLongerThanTheBufferIsWrittenWhole() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CopyBinary copy = new CopyBinary(bytes, 64);
    String longText = "x".repeat(1000);
    copy.row(2).int4(7).text(longText);
    copy.finish();

    DataInputStream in = read(bytes);
    in.skipNBytes(11 + 4 + 4 + 2 + 8);
    assertThat(in.readInt()).isEqualTo(1000);
    assertThat(new String(in.readNBytes(1000), StandardCharsets.UTF_8)).isEqualTo(longText);
    assertThat(in.readShort()).isEqualTo((short) -1);
  }

  @Test
  void aSmallintOutOfRangeIsRefused() {
    CopyBinary copy = new CopyBinary(new ByteArrayOutputStream(), 64);

    assertThatThrownBy(() -> copy.int2(40_000)).hasMessage("not a smallint: 40000");
  }
}
