package org.sentinela.ingest.region;

/** Method names and confidences of the resolution rules (see {@link RegionResolver}). */
final class Rules {

  static final String UF_CODE = "UF_CODE";
  static final String UF_CODE_MULTI = "UF_CODE_MULTI";
  static final String INSTITUTION = "INSTITUTION";
  static final String STATE_NAME = "STATE_NAME";
  static final String STATE_ADJECTIVE = "STATE_ADJECTIVE";
  static final String CAPITAL_CITY = "CAPITAL_CITY";
  static final String MUNICIPALITY = "MUNICIPALITY";
  static final String REGIONAL_HQ = "REGIONAL_HQ";
  static final String MUNICIPALITY_DOMINANT = "MUNICIPALITY_DOMINANT";

  static final String ORGAN_PREFIX = "ORGAN_";
  static final String SUPERIOR_PREFIX = "SUPERIOR_";

  static final double UF_CODE_CONFIDENCE = 0.95;
  static final double UF_CODE_TRUNCATED_CONFIDENCE = 0.9;
  static final double INSTITUTION_CONFIDENCE = 0.9;
  static final double STATE_NAME_CONFIDENCE = 0.85;
  static final double STATE_ADJECTIVE_CONFIDENCE = 0.85;
  static final double CAPITAL_CITY_CONFIDENCE = 0.85;
  static final double MUNICIPALITY_CONFIDENCE = 0.8;
  static final double REGIONAL_HQ_CONFIDENCE = 0.75;
  static final double MUNICIPALITY_DOMINANT_CONFIDENCE = 0.7;
  static final double UF_CODE_MULTI_CONFIDENCE = 0.6;

  /** Factor applied to evidence read from the organ name instead of the unit name. */
  static final double ORGAN_FACTOR = 0.9;

  /** Factor applied to evidence read from the superior organ name. */
  static final double SUPERIOR_FACTOR = 0.8;

  /**
   * Two clues for different UFs whose confidences differ by less than this contradict each other
   * and the text is left unresolved.
   */
  static final double CONFLICT_MARGIN = 0.04;

  private Rules() {}
}
