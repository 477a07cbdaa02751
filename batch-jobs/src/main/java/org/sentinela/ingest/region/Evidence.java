package org.sentinela.ingest.region;

/**
 * One clue about where a buyer is, produced by one rule from one text.
 *
 * @param uf the state the clue points to
 * @param municipality the municipality the clue names, or null
 * @param method the rule's name, recorded in {@link org.sentinela.model.RegionResolution#method()}
 * @param confidence how far the rule is trusted, in [0, 1]
 */
record Evidence(String uf, Municipality municipality, String method, double confidence) {

  Evidence withMethodPrefix(String prefix, double confidenceFactor) {
    return new Evidence(uf, municipality, prefix + method, confidence * confidenceFactor);
  }
}
