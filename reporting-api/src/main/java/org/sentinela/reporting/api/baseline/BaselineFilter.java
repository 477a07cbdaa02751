package org.sentinela.reporting.api.baseline;

import static org.sentinela.reporting.api.param.RequestParameters.matching;
import static org.sentinela.reporting.api.param.RequestParameters.upperMatching;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sentinela.model.Modality;
import org.sentinela.reporting.api.paging.KeysetCursor;
import org.sentinela.reporting.api.problem.InvalidParameterException;

/**
 * The optional filters of the baseline list, validated and upper-cased; a {@code null} component
 * matches every baseline. {@code organ} is the superior organ code ({@code superior_organ_code}).
 */
record BaselineFilter(SegmentLevel level, String uf, Modality modality, String organ) {

  private static final Pattern UF = Pattern.compile("[A-Z]{2}");
  private static final Pattern ORGAN = Pattern.compile("[0-9]{1,10}");

  /**
   * Parses the request parameters (case-insensitively).
   *
   * @throws InvalidParameterException naming the first parameter whose value is not acceptable
   */
  static BaselineFilter of(String level, String uf, String modality, String organ) {
    return new BaselineFilter(
        named("level", level, SegmentLevel.class),
        upperMatching("uf", uf, UF, "must be a two-letter state code such as RJ, or BR"),
        named("modality", modality, Modality.class),
        matching("organ", organ, ORGAN, "must be a superior organ code such as 26000"));
  }

  /** The filters' fingerprint, carried in page cursors. */
  String fingerprint() {
    return KeysetCursor.fingerprint(
        "level="
            + text(level)
            + "\nuf="
            + text(uf)
            + "\nmodality="
            + text(modality)
            + "\norgan="
            + text(organ));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static <E extends Enum<E>> E named(String parameter, String value, Class<E> type) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          parameter,
          value,
          "must be one of "
              + Arrays.stream(type.getEnumConstants())
                  .map(Enum::name)
                  .collect(Collectors.joining(", ")));
    }
  }
}
