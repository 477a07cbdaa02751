package org.sentinela.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.portal.PortalComprasFormat;
import org.sentinela.ingest.portal.PortalComprasLineMapper;
import org.sentinela.ingest.portal.PortalComprasRow;
import org.sentinela.model.SupplierId;
import org.sentinela.model.SupplierKind;

/** Guards the committed sample: real public data, but no real person's CPF. */
class BundledSampleTest {

  private static final Path SAMPLE = Path.of("..", "data", "sample", "portal");
  private static final Pattern CPF_LIKE =
      Pattern.compile("(?<!\\d)\\d{11}(?!\\d)|\\d{3}[. ]\\d{3}[. ]\\d{3}|CPF\\W*\\d");

  @Test
  void theSampleHasNoIndividualSupplierAndNoCpfWrittenOut() throws IOException {
    List<String> offending = new ArrayList<>();
    int rows = 0;
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path file : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(file, PortalComprasFormat.CHARSET);
        PortalComprasLineMapper mapper = new PortalComprasLineMapper(file.getFileName().toString());
        for (int i = 1; i < lines.size(); i++) {
          PortalComprasRow row = mapper.mapLine(lines.get(i), i + 1);
          rows++;
          if (SupplierId.classify(row.field("Código Contratado")).kind() == SupplierKind.CPF) {
            offending.add(file.getFileName() + ":" + (i + 1) + " supplier is an individual");
          }
          for (String column : PortalComprasFormat.COLUMNS) {
            boolean money = column.startsWith("Valor");
            if (!money && CPF_LIKE.matcher(row.field(column)).find()) {
              offending.add(
                  file.getFileName() + ":" + (i + 1) + " " + column + " looks like a CPF");
            }
          }
        }
      }
    }
    assertThat(rows).isGreaterThan(3000);
    assertThat(offending).isEmpty();
  }
}
