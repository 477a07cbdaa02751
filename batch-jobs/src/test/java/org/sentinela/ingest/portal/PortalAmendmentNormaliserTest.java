package org.sentinela.ingest.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sentinela.ingest.RecordRejectedException;
import org.sentinela.ingest.RejectionReason;
import org.sentinela.model.AmendmentRecord;
import org.sentinela.model.DataQualityFlag;
import org.sentinela.model.RecordSource;

class PortalAmendmentNormaliserTest {

  private static final Path SLICE =
      Path.of("src", "test", "resources", "org", "sentinela", "ingest", "portal");

  private final PortalAmendmentNormaliser normaliser = new PortalAmendmentNormaliser("run-1");

  @Test
  void mapsARealRowKeepingTheContractKeyAsTheContractFilesPublishIt() throws IOException {
    List<String> lines =
        Files.readAllLines(SLICE.resolve("202209_TermoAditivo.csv"), PortalComprasFormat.CHARSET);
    assertThat(lines.get(0)).isEqualTo(PortalAmendmentFormat.headerLine());
    PortalAmendmentRow row =
        new PortalAmendmentLineMapper("202209_TermoAditivo.csv").mapLine(lines.get(1), 2);

    AmendmentRecord a = normaliser.normalise(row, PortalAmendmentNormaliser.recordHash(row));

    assertThat(a.source()).isEqualTo(RecordSource.PORTAL_TERMO_ADITIVO);
    assertThat(a.sourceRecord()).isEqualTo(2);
    assertThat(a.contractNumber()).isEqualTo(row.field("Número Contrato"));
    assertThat(a.unitCode()).isEqualTo(row.field("Código UG"));
    assertThat(a.amendmentNumber()).isEqualTo(row.field("Número Termo Aditivo"));
    assertThat(a.publicationDate())
        .isEqualTo(
            LocalDate.parse(
                row.field("Data Publicação"),
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(a.objectText()).startsWith("ACRESCENTAR 13,73% DO VALOR INICIAL");
    assertThat(a.qualityFlags()).isEmpty();
  }

  @Test
  void cleansTheObjectAndFlagsControlCharacters() {
    AmendmentRecord a =
        normalise(
            AmendmentFixtures.line(
                "12021",
                "153052",
                "000012021",
                "10/03/2022",
                "Objetivo: PRORROGAÇÃO\u0002DO PRAZO"));

    assertThat(a.objectText()).isEqualTo("PRORROGAÇÃO DO PRAZO");
    assertThat(a.qualityFlags()).containsExactly(DataQualityFlag.CONTROL_CHARACTERS_REMOVED);
  }

  @Test
  void rejectsWhatCannotBeTiedToAContractOrPartitioned() {
    assertRejected(
        AmendmentFixtures.line(" ", "153052", "000012021", "10/03/2022"),
        RejectionReason.MISSING_CONTRACT_NUMBER);
    assertRejected(
        AmendmentFixtures.line("12021", "", "000012021", "10/03/2022"),
        RejectionReason.MISSING_UNIT_CODE);
    assertRejected(
        AmendmentFixtures.line("12021", "153052", "", "10/03/2022"),
        RejectionReason.MISSING_AMENDMENT_NUMBER);
    assertRejected(
        AmendmentFixtures.line("12021", "153052", "000012021", ""),
        RejectionReason.MISSING_PUBLICATION_DATE);
    assertRejected(
        AmendmentFixtures.line("12021", "153052", "000012021", "31/02/2022"),
        RejectionReason.INVALID_DATE);
  }

  private AmendmentRecord normalise(String line) {
    PortalAmendmentRow row = new PortalAmendmentLineMapper("x.csv").mapLine(line, 2);
    return normaliser.normalise(row, PortalAmendmentNormaliser.recordHash(row));
  }

  private void assertRejected(String line, RejectionReason reason) {
    assertThatThrownBy(() -> normalise(line))
        .isInstanceOfSatisfying(
            RecordRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
