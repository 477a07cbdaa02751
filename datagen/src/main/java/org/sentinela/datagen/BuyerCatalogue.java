package org.sentinela.datagen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.sentinela.model.MacroRegion;

/**
 * The buyer units of one generation: synthetic 6-digit codes, names from the families' templates
 * that resolve to the intended state, heavy-tailed activity and centred value levels.
 */
public final class BuyerCatalogue {

  /**
   * The Portal cuts names at 45 characters and batch-jobs distrusts the last word of a 45-character
   * name; generated names stay below.
   */
  static final int MAX_NAME_LENGTH = 44;

  /** Administrative regions of the Distrito Federal, which has one municipality (Brasília). */
  private static final List<String> DF_REGIONS =
      List.of(
          "BRASILIA",
          "ASA NORTE",
          "ASA SUL",
          "TAGUATINGA",
          "CEILANDIA",
          "GAMA",
          "SOBRADINHO",
          "PLANALTINA",
          "GUARA",
          "CRUZEIRO",
          "LAGO SUL",
          "SAMAMBAIA",
          "BRAZLANDIA",
          "PARANOA",
          "NUCLEO BANDEIRANTE",
          "RECANTO DAS EMAS",
          "AGUAS CLARAS",
          "SUDOESTE",
          "RIACHO FUNDO");

  private final List<BuyerUnit> units;

  private BuyerCatalogue(List<BuyerUnit> units) {
    this.units = List.copyOf(units);
  }

  public List<BuyerUnit> units() {
    return units;
  }

  /** How many units a generation of {@code rows} rows over {@code months} months has. */
  static int unitCount(long rows, int months) {
    double real = rows / (Calibration.CONTRACTS_PER_UNIT_MONTH * months);
    return (int) Math.max(30, Math.min(Calibration.MAX_UNITS, Math.round(real)));
  }

  /** A catalogue of {@code count} units drawn from {@code seed}, e.g. to check unit names. */
  public static BuyerCatalogue generate(int count, long seed) {
    return build(count, new SplittableRandom(seed), Places.load());
  }

  /** Builds {@code count} units (fewer only if the name templates run out). */
  static BuyerCatalogue build(int count, SplittableRandom random, Places places) {
    List<OrganFamily> families = OrganFamilies.ALL;
    AliasSampler familySampler =
        new AliasSampler(families.stream().mapToDouble(OrganFamily::weight).toArray());
    double[] ufWeights =
        Places.UFS.stream().mapToDouble(uf -> Calibration.UF_WEIGHTS.get(uf)).toArray();
    AliasSampler ufSampler = new AliasSampler(ufWeights);
    Set<String> names = new HashSet<>();
    Set<Integer> codes = new HashSet<>();
    List<BuyerUnit> units = new ArrayList<>(count);
    long attempts = 0;
    while (units.size() < count && attempts++ < 200L * count + 10_000) {
      OrganFamily family = families.get(familySampler.sample(random));
      String uf = Places.UFS.get(ufSampler.sample(random));
      if (!family.ufs().isEmpty() && !family.ufs().contains(uf)) {
        continue;
      }
      String template = family.templates().get(random.nextInt(family.templates().size()));
      String name = name(template, uf, family, random, places);
      if (name == null || !names.add(name)) {
        continue;
      }
      int code;
      do {
        code = 110_000 + random.nextInt(890_000);
      } while (!codes.add(code));
      int ufIndex = Places.UFS.indexOf(uf);
      String organCode =
          Integer.toString(family.perState() ? family.organCode() + ufIndex : family.organCode());
      String organName = family.organName().replace("{STATE}", Places.stateWithPreposition(uf));
      double activity = Math.exp(Calibration.UNIT_ACTIVITY_LN_SD * random.nextGaussian());
      double variety =
          Calibration.SUPPLIER_ALPHA_MEDIAN
              * Math.exp(Calibration.SUPPLIER_ALPHA_LN_SD * random.nextGaussian());
      units.add(
          new BuyerUnit(
              units.size(),
              Integer.toString(code),
              name,
              uf,
              family,
              organCode,
              organName,
              activity,
              family.valueLevel() + regionLevel(uf),
              variety));
    }
    return new BuyerCatalogue(centred(units));
  }

  /** The legitimate regional price level of a state. */
  static double regionLevel(String uf) {
    double level = Calibration.REGION_VALUE_LEVEL.get(MacroRegion.of(uf));
    return uf.equals("DF") ? level + Calibration.DF_VALUE_LEVEL : level;
  }

  /** Shifts value levels so that their activity-weighted mean is 0 (keeps modality medians). */
  private static List<BuyerUnit> centred(List<BuyerUnit> units) {
    double weighted = 0;
    double total = 0;
    for (BuyerUnit u : units) {
      weighted += u.activity() * u.valueLevel();
      total += u.activity();
    }
    double mean = total == 0 ? 0 : weighted / total;
    List<BuyerUnit> out = new ArrayList<>(units.size());
    for (BuyerUnit u : units) {
      out.add(
          new BuyerUnit(
              u.index(),
              u.code(),
              u.name(),
              u.uf(),
              u.family(),
              u.organCode(),
              u.organName(),
              u.activity(),
              u.valueLevel() - mean,
              u.supplierVariety()));
    }
    return out;
  }

  private static String name(
      String template, String uf, OrganFamily family, SplittableRandom random, Places places) {
    String t =
        template
            .replace("{IF}", OrganFamilies.INSTITUTO_FEDERAL.get(uf))
            .replace("{UNI}", OrganFamilies.UNIVERSITY.get(uf));
    if (!t.contains("{C}")) {
      String name = t.replace("{UF}", uf);
      return name.length() <= MAX_NAME_LENGTH ? name : null;
    }
    if (family.acronymUfs().contains(uf)) {
      // The code would be read as the ministry or an Army abbreviation: name the capital only.
      String name = t.replace("/{UF}", "").replace("{C}", places.capital(uf));
      return name.length() <= MAX_NAME_LENGTH ? name : null;
    }
    List<String> cities = uf.equals("DF") ? DF_REGIONS : places.cities(uf);
    for (int tries = 0; tries < 4; tries++) {
      String city =
          random.nextDouble() < 0.2
              ? places.capital(uf)
              : cities.get(random.nextInt(cities.size()));
      String name = t.replace("{C}", city).replace("{UF}", uf);
      if (name.length() <= MAX_NAME_LENGTH) {
        return name;
      }
    }
    return null;
  }
}
