package org.sentinela.datagen;

import java.io.IOException;

/** Command line: {@code generate-portal-data --out DIR --rows N [...]}; see the module README. */
public final class GeneratePortalData {

  private GeneratePortalData() {}

  public static void main(String[] args) throws IOException {
    GeneratorOptions options;
    try {
      options = GeneratorOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("generate-portal-data: " + e.getMessage());
      System.exit(2);
      return;
    }
    long started = System.nanoTime();
    PortalDataGenerator.Summary summary = PortalDataGenerator.generate(options);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "generate-portal-data: %d rows in %d files (%d buyer units, %d labelled anomalies)"
            + " under %s in %.1f s%n",
        summary.rows(),
        summary.files().size(),
        summary.units().size(),
        summary.anomalies(),
        options.out(),
        seconds);
  }
}
