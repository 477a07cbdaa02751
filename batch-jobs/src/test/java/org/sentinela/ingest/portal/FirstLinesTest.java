package org.sentinela.ingest.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FirstLinesTest {

  @Test
  void answersTheFirstLineOfEveryDigestAsAMapWouldThroughManyGrowths() throws Exception {
    FirstLines table = new FirstLines();
    Map<String, Integer> reference = new HashMap<>();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (int line = 2; line < 200_000; line++) {
      // every seventh line repeats an earlier line's text
      String text = "line " + (line % 7 == 0 ? line / 3 : line);
      byte[] digest = sha256.digest(text.getBytes());

      int first = table.firstLine(digest, line);

      assertThat(first).as(text).isEqualTo(reference.getOrDefault(text, line));
      reference.putIfAbsent(text, line);
    }
  }

  @Test
  void askingAgainForTheSameLineGivesTheSameAnswer() throws Exception {
    FirstLines table = new FirstLines();
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[] {1});

    assertThat(table.firstLine(digest, 5)).isEqualTo(5);
    assertThat(table.firstLine(digest, 5)).isEqualTo(5);
    assertThat(table.firstLine(digest, 9)).isEqualTo(5);
  }

  @Test
  void digestsSharingTheirFirstLongAreStillTwo() {
    FirstLines table = new FirstLines();
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[31] = 1;

    assertThat(table.firstLine(a, 2)).isEqualTo(2);
    assertThat(table.firstLine(b, 3)).isEqualTo(3);
    assertThat(table.firstLine(a, 4)).isEqualTo(2);
  }
}
