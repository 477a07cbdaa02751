package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8BufferTest {

  @Test
  void encodesEveryStringAsTheJdkDoesReusingOneBuffer() {
    String[] pieces = {
      "a",
      "AQUISIÇÃO",
      "ç",
      "\u00ff",
      "\u0080",
      "\u07ff",
      "\u0800",
      "€",
      "中",
      "\uffff",
      "😀",
      "\ud83d",
      "\ude00",
      "\u0000",
      " ",
      "x".repeat(700)
    };
    Utf8Buffer buffer = new Utf8Buffer();
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int p = random.nextInt(6); p >= 0; p--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String t = text.toString();

      int length = buffer.encode(t);

      assertThat(Arrays.copyOf(buffer.bytes(), length))
          .as(t)
          .isEqualTo(t.getBytes(StandardCharsets.UTF_8));
      assertThat(buffer.length()).isEqualTo(length);
    }
  }
}
