package org.sentinela.ingest.region;

import java.util.List;

/**
 * A Brazilian municipality from the IBGE table.
 *
 * @param ibgeCode the 7-digit IBGE code
 * @param name the official name, with accents
 * @param uf the two-letter state code
 * @param capital true for the 27 state capitals (Brasília included)
 * @param words the name's content words for matching (see {@link NormalizedText#contentWords})
 */
record Municipality(String ibgeCode, String name, String uf, boolean capital, List<String> words) {

  Municipality {
    words = List.copyOf(words);
  }
}
