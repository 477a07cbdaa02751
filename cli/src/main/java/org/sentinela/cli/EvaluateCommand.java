package org.sentinela.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.sentinela.cli.quality.Flag;
import org.sentinela.cli.quality.NaiveRule;
import org.sentinela.cli.quality.PortalRow;
import org.sentinela.cli.quality.QualityReport;
import org.sentinela.cli.quality.QualityReportPrinter;
import org.sentinela.datagen.AnomalyLabel;
import org.sentinela.datagen.GeneratorOptions;
import org.sentinela.datagen.PortalDataGenerator;
import org.sentinela.reporting.db.DatabaseSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: generates a labelled data set (datagen), runs a real night on it in a home of
 * its own with its own embedded database, and prints precision and recall of the published flags
 * and of the naive rule against the labels.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Measure the detectors on a generated, labelled data set: recall per kind, precision per"
            + " detector, precision@100, and the naive rule on the same data.")
final class EvaluateCommand implements Callable<Integer> {

  private static final String FLAGS =
      "select detector, unit_code, contract_number, signature_date, score, q_value,"
          + " evidence::text as evidence from current_anomalies";

  @Option(names = "--rows", paramLabel = "N", description = "Rows to generate (default: 200000).")
  long rows = 200_000;

  @Option(names = "--seed", paramLabel = "S", description = "Generator seed (default: 7).")
  long seed = 7;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Keep the data, labels and the night's home in DIR (must not exist yet); default: a"
              + " temporary folder, deleted at the end.")
  Path keep;

  private final SentinelaSettings settings;
  private final PrintStream out;

  EvaluateCommand(SentinelaSettings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  @Override
  public Integer call() throws IOException {
    if (rows < 1000) {
      throw new IllegalArgumentException("--rows must be at least 1000, got " + rows);
    }
    if (keep != null && Files.exists(keep)) {
      throw new IllegalArgumentException("--keep " + keep + " already exists");
    }
    Path work =
        keep == null
            ? Files.createTempDirectory("sentinela-evaluate")
            : Files.createDirectories(keep.toAbsolutePath().normalize());
    try {
      evaluate(work);
    } finally {
      if (keep == null) {
        deleteTree(work);
      }
    }
    return 0;
  }

  private void evaluate(Path work) throws IOException {
    Path data = work.resolve("portal");
    Path labelsFile = work.resolve("labels.csv");
    PortalDataGenerator.Summary generated =
        PortalDataGenerator.generate(
            GeneratorOptions.labelled(
                data,
                rows,
                GeneratorOptions.DEFAULT_START_MONTH,
                GeneratorOptions.DEFAULT_MONTHS,
                seed,
                labelsFile));
    List<AnomalyLabel> labels = readLabels(labelsFile);
    out.printf(
        "Generated %,d rows in %d files, %d labelled anomalies (seed %d) under %s%n",
        generated.rows(), generated.files().size(), labels.size(), seed, data);

    List<Flag> flags = nightOn(work.resolve("home"), data);
    List<Flag> naive = NaiveRule.flags(PortalRow.readFolder(data));
    QualityReportPrinter.print(
        QualityReport.of("Sentinela", labels, flags),
        QualityReport.of("naive rule", labels, naive),
        out);
  }

  /** Runs a night on {@code data} in a fresh home with an embedded database; returns its flags. */
  private List<Flag> nightOn(Path home, Path data) {
    SentinelaSettings own =
        new SentinelaSettings(
            settings.repo(),
            home,
            home.resolve("inbox"),
            Optional.empty(),
            0,
            settings.apiPort(),
            settings.apiAddress(),
            settings.sparkMaster(),
            settings.ingestHeap(),
            settings.analyticsHeap());
    try (ReportingDatabase db = ReportingDatabase.open(own)) {
      String runId = new NightlyRun(own, out).run(data, db.settings());
      out.printf("Night %s published%n", runId);
      return readFlags(db.settings());
    }
  }

  /** The flags of the latest published run, with the contracts their evidence names. */
  static List<Flag> readFlags(DatabaseSettings db) {
    ObjectMapper json = new ObjectMapper();
    List<Flag> flags = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s = c.prepareStatement(FLAGS);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        double q = rs.getDouble("q_value");
        Double qValue = rs.wasNull() ? null : q;
        String evidence = rs.getString("evidence");
        Set<String> related = new HashSet<>();
        if (evidence != null) {
          collectContractNumbers(json.readTree(evidence), related);
        }
        flags.add(
            new Flag(
                rs.getString("detector"),
                rs.getString("unit_code"),
                rs.getString("contract_number"),
                rs.getObject("signature_date", LocalDate.class),
                rs.getDouble("score"),
                qValue,
                related));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the flags: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a flag's evidence", e);
    }
    return flags;
  }

  /** Every {@code contract_number} (or array of them) anywhere in an evidence document. */
  static void collectContractNumbers(JsonNode node, Set<String> into) {
    node.fields()
        .forEachRemaining(
            field -> {
              String name = field.getKey();
              JsonNode value = field.getValue();
              if (name.equals("contract_number") && value.isTextual()) {
                into.add(value.asText());
              } else if (name.endsWith("contract_numbers") && value.isArray()) {
                value.forEach(
                    v -> {
                      if (v.isTextual()) {
                        into.add(v.asText());
                      }
                    });
              }
            });
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        collectContractNumbers(child, into);
      }
    }
  }

  private static List<AnomalyLabel> readLabels(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.stream().skip(1).filter(l -> !l.isBlank()).map(AnomalyLabel::parse).toList();
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
