package org.sentinela.datagen;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What to generate.
 *
 * @param out the folder the monthly {@code AAAAMM_Compras.csv} files go to (created if missing)
 * @param rows how many contract rows in all the files together
 * @param startMonth the first publication month
 * @param months how many monthly files
 * @param seed the random seed; the same options give byte-identical files
 * @param anomalies whether to inject labelled anomalies
 * @param labels where the labels go (required with {@link Anomalies#LABELLED}, else null)
 */
public record GeneratorOptions(
    Path out,
    long rows,
    YearMonth startMonth,
    int months,
    long seed,
    Anomalies anomalies,
    Path labels) {

  /** {@code --anomalies none|labelled}. */
  public enum Anomalies {
    NONE,
    LABELLED
  }

  public static final YearMonth DEFAULT_START_MONTH = YearMonth.of(2021, 1);
  public static final int DEFAULT_MONTHS = 24;
  public static final long DEFAULT_SEED = 42;

  public static final String USAGE =
      "usage: generate-portal-data --out DIR --rows N [--start-month 2021-01] [--months 24]"
          + " [--seed 42] [--anomalies none|labelled] [--labels FILE]";

  public GeneratorOptions {
    Objects.requireNonNull(out, "--out is required");
    Objects.requireNonNull(startMonth, "startMonth");
    if (rows < 1) {
      throw new IllegalArgumentException("--rows must be at least 1, got " + rows);
    }
    if (months < 1 || months > 240) {
      throw new IllegalArgumentException("--months must be between 1 and 240, got " + months);
    }
    Objects.requireNonNull(anomalies, "anomalies");
    if (anomalies == Anomalies.LABELLED && labels == null) {
      throw new IllegalArgumentException("--anomalies labelled needs --labels FILE");
    }
    if (anomalies == Anomalies.NONE && labels != null) {
      throw new IllegalArgumentException(
          "--labels " + labels + " is only written with --anomalies labelled");
    }
  }

  /** A run without anomalies. */
  public static GeneratorOptions clean(
      Path out, long rows, YearMonth startMonth, int months, long seed) {
    return new GeneratorOptions(out, rows, startMonth, months, seed, Anomalies.NONE, null);
  }

  /** A run with labelled anomalies. */
  public static GeneratorOptions labelled(
      Path out, long rows, YearMonth startMonth, int months, long seed, Path labels) {
    return new GeneratorOptions(out, rows, startMonth, months, seed, Anomalies.LABELLED, labels);
  }

  /** Parses command-line options; errors name the option and the bad value. */
  public static GeneratorOptions parse(String... args) {
    Path out = null;
    Long rows = null;
    YearMonth start = DEFAULT_START_MONTH;
    int months = DEFAULT_MONTHS;
    long seed = DEFAULT_SEED;
    Anomalies anomalies = Anomalies.NONE;
    Path labels = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(option + " needs a value. " + USAGE);
      }
      String value = args[++i];
      switch (option) {
        case "--out" -> out = Path.of(value);
        case "--rows" -> rows = number(option, value);
        case "--start-month" -> start = month(value);
        case "--months" -> months = (int) number(option, value);
        case "--seed" -> seed = number(option, value);
        case "--anomalies" -> anomalies = anomalies(value);
        case "--labels" -> labels = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + option + ". " + USAGE);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required. " + USAGE);
    }
    if (rows == null) {
      throw new IllegalArgumentException("--rows is required. " + USAGE);
    }
    return new GeneratorOptions(out, rows, start, months, seed, anomalies, labels);
  }

  private static Anomalies anomalies(String value) {
    return switch (value) {
      case "none" -> Anomalies.NONE;
      case "labelled" -> Anomalies.LABELLED;
      default ->
          throw new IllegalArgumentException(
              "--anomalies must be none or labelled, got '" + value + "'");
    };
  }

  private static long number(String option, String value) {
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
    }
  }

  private static YearMonth month(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--start-month must be YYYY-MM (e.g. 2021-01), got '" + value + "'");
    }
  }
}
