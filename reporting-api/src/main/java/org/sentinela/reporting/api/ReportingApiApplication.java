package org.sentinela.reporting.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Sentinela's reporting API: the anomalies of the latest published run as JSON over HTTP.
 *
 * <p>Reads its settings from the environment ({@link ApiSettings}); the reporting database must
 * already be migrated (the {@code scripts/sentinela serve} launcher does that before starting it).
 */
@SpringBootApplication
public class ReportingApiApplication {

  /** Starts the API, or exits with status 2 and a one-line message when a setting is wrong. */
  public static void main(String[] args) {
    ApiSettings settings;
    try {
      settings = ApiSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("sentinela reporting-api: " + e.getMessage());
      System.exit(2);
      return;
    }
    SpringApplication app = new SpringApplication(ReportingApiApplication.class);
    app.setDefaultProperties(settings.springProperties());
    app.run(args);
  }
}
