package org.sentinela.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sentinela.model.RegionResolution;

/** Resolutions pinned on tricky buyer names, so that making the rules faster changes no result. */
class RegionResolverPinnedNamesTest {

  private static final String RESOURCE = "pinned-region-resolutions.txt";

  private static RegionResolver resolver;

  /** One pinned line: the names as the source gives them and the resolution they must get. */
  record Pin(
      String unitName, String organName, String superiorOrganName, RegionResolution expected) {

    @Override
    public String toString() {
      return "'" + unitName + "' / '" + organName + "' / '" + superiorOrganName + "'";
    }
  }

  @BeforeAll
  static void build() {
    resolver = RegionResolver.fromBundledIbgeTable();
  }

  static List<Pin> pins() {
    List<Pin> pins = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                RegionResolverPinnedNamesTest.class.getResourceAsStream(RESOURCE),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\\|", -1);
        pins.add(
            new Pin(
                blankToNull(f[0]),
                blankToNull(f[1]),
                blankToNull(f[2]),
                new RegionResolution(f[3], blankToNull(f[4]), f[5], Double.parseDouble(f[6]))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pins;
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pins")
  void resolvesAsPinned(Pin pin) {
    assertThat(resolver.resolve(pin.unitName(), pin.organName(), pin.superiorOrganName()))
        .isEqualTo(pin.expected());
  }

  @Test
  void pinsCoverTheRulesAndTheFallbacks() {
    List<Pin> pins = pins();
    assertThat(pins).hasSize(157);
    assertThat(pins)
        .extracting(p -> p.expected().method())
        .contains(
            "UF_CODE",
            "UF_CODE_MULTI",
            "INSTITUTION",
            "STATE_NAME",
            "STATE_ADJECTIVE",
            "CAPITAL_CITY",
            "MUNICIPALITY",
            "MUNICIPALITY_DOMINANT",
            "REGIONAL_HQ",
            "ORGAN_UF_CODE",
            "SUPERIOR_STATE_NAME",
            "UNRESOLVED");
  }

  @Test
  void resultsDoNotDependOnWhatTheResolverReadBefore() {
    List<Pin> reversed = new ArrayList<>(pins());
    Collections.reverse(reversed);
    RegionResolver fresh = RegionResolver.fromBundledIbgeTable();
    for (Pin pin : reversed) {
      assertThat(fresh.resolve(pin.unitName(), pin.organName(), pin.superiorOrganName()))
          .as(pin.toString())
          .isEqualTo(pin.expected());
    }
  }
}
