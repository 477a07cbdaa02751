package org.sentinela.ingest.region;

import org.sentinela.model.RegionResolution;

/** Placeholder until the real resolver lands. */
public final class RegionResolver {
  public RegionResolution resolve(String unitName, String organName, String superiorOrganName) {
    return RegionResolution.unresolved();
  }
}
