package org.sentinela.analytics.baseline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.sentinela.model.ContractSchema.BUYER_UF;
import static org.sentinela.model.ContractSchema.MODALITY;
import static org.sentinela.model.ContractSchema.SUPERIOR_ORGAN_CODE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.sentinela.model.MacroRegion;
import org.sentinela.model.RegionResolution;

/**
 * Spark expressions for a contract's segment at each level, built from native functions (no UDF) so
 * Catalyst can optimise them. They produce the same text as {@link SegmentLevel#segmentKey}.
 */
public final class SegmentColumns {

  private SegmentColumns() {}

  /** The contract's segment key at {@code level}. */
  public static Column segmentKey(SegmentLevel level) {
    Column uf = col(BUYER_UF);
    Column modality = col(MODALITY);
    return switch (level) {
      case UF_MODALITY_ORGAN ->
          concat(
              lit("uf="),
              uf,
              lit("|modality="),
              modality,
              lit("|organ="),
              coalesce(col(SUPERIOR_ORGAN_CODE), lit(SegmentLevel.NO_ORGAN)));
      case UF_MODALITY -> concat(lit("uf="), uf, lit("|modality="), modality);
      case MACRO_MODALITY -> concat(lit("macro="), macroRegion(), lit("|modality="), modality);
      case MODALITY -> concat(lit("modality="), modality);
      case NATIONAL -> lit("national");
    };
  }

  /** The buyer UF when the level is a UF level, else a null string. */
  public static Column buyerUf(SegmentLevel level) {
    return switch (level) {
      case UF_MODALITY_ORGAN, UF_MODALITY -> col(BUYER_UF);
      default -> lit(null).cast("string");
    };
  }

  /** The modality on every level but the national one, else a null string. */
  public static Column modality(SegmentLevel level) {
    return level == SegmentLevel.NATIONAL ? lit(null).cast("string") : col(MODALITY);
  }

  /** The superior organ code on the organ level, else a null string. */
  public static Column superiorOrganCode(SegmentLevel level) {
    return level == SegmentLevel.UF_MODALITY_ORGAN
        ? col(SUPERIOR_ORGAN_CODE)
        : lit(null).cast("string");
  }

  /**
   * The macro-region of {@code buyer_uf} as {@link MacroRegion#of} gives it ({@code "BR"} for
   * anything that is not a UF), as a CASE expression over the 27 UFs.
   */
  public static Column macroRegion() {
    Map<String, List<String>> ufsByRegion = new TreeMap<>();
    for (char first = 'A'; first <= 'Z'; first++) {
      for (char second = 'A'; second <= 'Z'; second++) {
        String code = "" + first + second;
        if (MacroRegion.isUf(code)) {
          ufsByRegion.computeIfAbsent(MacroRegion.of(code), r -> new ArrayList<>()).add(code);
        }
      }
    }
    Column expression = null;
    for (Map.Entry<String, List<String>> region : ufsByRegion.entrySet()) {
      Column matches = col(BUYER_UF).isin(region.getValue().toArray());
      expression =
          expression == null
              ? when(matches, lit(region.getKey()))
              : expression.when(matches, lit(region.getKey()));
    }
    return expression.otherwise(lit(RegionResolution.NATIONAL));
  }
}
