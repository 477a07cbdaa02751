package org.sentinela.datagen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes one {@code AAAAMM_Compras.csv} per month with the requested number of rows in all. */
public final class PortalDataGenerator {

  private PortalDataGenerator() {}

  /**
   * What a generation wrote.
   *
   * @param files the monthly files
   * @param rows rows in all files
   * @param units the buyer units (with the state each name resolves to)
   * @param anomalies labelled anomalies injected
   */
  public record Summary(List<Path> files, long rows, List<BuyerUnit> units, int anomalies) {}

  public static Summary generate(GeneratorOptions options) throws IOException {
    SplittableRandom random = new SplittableRandom(options.seed());
    Places places = Places.load();
    BuyerCatalogue catalogue =
        BuyerCatalogue.build(
            BuyerCatalogue.unitCount(options.rows(), options.months()), random.split(), places);
    List<BuyerUnit> units = catalogue.units();
    Suppliers suppliers = new Suppliers(options.seed());
    YearMonth last = options.startMonth().plusMonths(options.months() - 1L);
    ContractFactory factory =
        new ContractFactory(units, random.split(), new BackgroundGuards(), last.getYear());
    long[] budgets = monthBudgets(options.rows(), options.startMonth(), options.months());
    AnomalyPlanner.Plan plan = new AnomalyPlanner.Plan(List.of(), List.of());
    if (options.anomalies() == GeneratorOptions.Anomalies.LABELLED) {
      plan =
          new AnomalyPlanner(
                  factory, suppliers, options.rows(), options.startMonth(), options.months())
              .plan(options.rows());
      writeLabels(options.labels(), plan.labels());
    }
    Map<YearMonth, List<ContractRow>> injected = new HashMap<>();
    for (ContractRow row : plan.rows()) {
      injected
          .computeIfAbsent(
              YearMonth.from(LocalDate.ofEpochDay(row.publicationDay())), k -> new ArrayList<>())
          .add(row);
    }

    long[] backgroundRows =
        backgroundRows(budgets, options.startMonth(), injected, plan.rows().size());

    Files.createDirectories(options.out());
    List<Path> files = new ArrayList<>();
    long rows;
    try (PortalCsvWriter writer = new PortalCsvWriter(suppliers, units)) {
      for (int m = 0; m < options.months(); m++) {
        YearMonth month = options.startMonth().plusMonths(m);
        Path file = options.out().resolve(PortalFormat.fileName(month));
        List<ContractRow> planned = injected.getOrDefault(month, List.of());
        long background = backgroundRows[m];
        writer.open(file);
        // Injected rows take uniformly random places among the month's background rows.
        int next = 0;
        for (long slot = 0, total = background + planned.size(); slot < total; slot++) {
          long left = total - slot;
          if (next < planned.size() && random.nextLong(left) < planned.size() - next) {
            writer.write(planned.get(next++));
          } else {
            writer.write(factory.background(month));
          }
        }
        files.add(file);
      }
      rows = writer.rows();
    }
    return new Summary(List.copyOf(files), rows, units, plan.labels().size());
  }

  private static void writeLabels(Path file, List<AnomalyLabel> labels) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    List<String> lines = new ArrayList<>();
    lines.add(AnomalyLabel.HEADER);
    labels.forEach(l -> lines.add(l.line()));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * Background rows per month: the month's budget less its injected rows; a month whose injected
   * rows exceed its budget takes the excess from the months with the most background rows, so that
   * the total stays exact.
   */
  static long[] backgroundRows(
      long[] budgets, YearMonth start, Map<YearMonth, List<ContractRow>> injected, int planned) {
    long total = Arrays.stream(budgets).sum();
    if (planned > total) {
      throw new IllegalArgumentException(
          "--rows " + total + " is too small for the labelled anomalies (" + planned + " rows)");
    }
    long[] background = new long[budgets.length];
    long excess = 0;
    for (int m = 0; m < budgets.length; m++) {
      long inMonth = injected.getOrDefault(start.plusMonths(m), List.of()).size();
      background[m] = Math.max(0, budgets[m] - inMonth);
      excess += Math.max(0, inMonth - budgets[m]);
    }
    while (excess > 0) {
      int largest = 0;
      for (int m = 1; m < background.length; m++) {
        if (background[m] > background[largest]) {
          largest = m;
        }
      }
      background[largest]--;
      excess--;
    }
    return background;
  }

  /** Rows per month in proportion to the seasonal weights, adding up to {@code rows} exactly. */
  static long[] monthBudgets(long rows, YearMonth start, int months) {
    double[] weights = new double[months];
    double total = 0;
    for (int m = 0; m < months; m++) {
      weights[m] = Calibration.MONTH_WEIGHTS[start.plusMonths(m).getMonthValue() - 1];
      total += weights[m];
    }
    long[] budgets = new long[months];
    long assigned = 0;
    double[] remainders = new double[months];
    for (int m = 0; m < months; m++) {
      double exact = rows * weights[m] / total;
      budgets[m] = (long) Math.floor(exact);
      remainders[m] = exact - budgets[m];
      assigned += budgets[m];
    }
    while (assigned < rows) {
      int best = 0;
      for (int m = 1; m < months; m++) {
        if (remainders[m] > remainders[best]) {
          best = m;
        }
      }
      budgets[best]++;
      remainders[best] = -1;
      assigned++;
    }
    return budgets;
  }
}
