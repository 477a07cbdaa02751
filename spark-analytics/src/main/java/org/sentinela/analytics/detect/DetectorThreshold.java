package org.sentinela.analytics.detect;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code current_detector_thresholds}: the threshold a detector compares its score with,
 * its version, and the detector's other parameters (the row's {@code parameters} JSON, as text
 * values).
 */
public record DetectorThreshold(
    String detector, int version, BigDecimal threshold, Map<String, String> parameters) {

  public DetectorThreshold {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(threshold, "threshold");
    parameters = Map.copyOf(parameters);
  }

  /** An integer parameter; the error names the detector, version, parameter and bad value. */
  public int intParameter(String name) {
    String text = requiredParameter(name);
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where() + ": parameter " + name + " must be an integer, got '" + text + "'", e);
    }
  }

  /** A decimal parameter; the error names the detector, version, parameter and bad value. */
  public double doubleParameter(String name) {
    String text = requiredParameter(name);
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where() + ": parameter " + name + " must be a number, got '" + text + "'", e);
    }
  }

  /** A decimal parameter as an exact number (for money). */
  public BigDecimal decimalParameter(String name) {
    String text = requiredParameter(name);
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where() + ": parameter " + name + " must be a number, got '" + text + "'", e);
    }
  }

  /** A comma-separated list of integers, e.g. {@code "2,3"}. */
  public List<Integer> intListParameter(String name) {
    String text = requiredParameter(name);
    try {
      List<Integer> values =
          Arrays.stream(text.split(",")).map(String::strip).map(Integer::parseInt).toList();
      return values;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          where()
              + ": parameter "
              + name
              + " must be integers separated by commas, got '"
              + text
              + "'",
          e);
    }
  }

  /** A text parameter. */
  public String textParameter(String name) {
    return requiredParameter(name);
  }

  /** Refuses a row of another detector. */
  public DetectorThreshold requireDetector(String expected) {
    if (!expected.equals(detector)) {
      throw new IllegalArgumentException("expected a " + expected + " threshold, got " + detector);
    }
    return this;
  }

  private String requiredParameter(String name) {
    String text = parameters.get(name);
    if (text == null) {
      throw new IllegalArgumentException(
          where() + ": parameter " + name + " is missing from " + parameters);
    }
    return text;
  }

  String where() {
    return "detector_thresholds " + detector + " version " + version;
  }
}
