package org.sentinela.ingest.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sentinela.model.MacroRegion;

/**
 * The 5,570 IBGE municipalities (code, name, UF, capital flag), read from the bundled resource
 * {@value #RESOURCE}. Immutable once built.
 */
final class MunicipalityDirectory {

  /** Classpath resource, relative to this class: {@code ibge_code,name,uf,capital}, UTF-8. */
  static final String RESOURCE = "ibge_municipios.csv";

  /** IBGE code of Brasília, the only municipality of the Distrito Federal. */
  static final String BRASILIA_CODE = "5300108";

  private final List<Municipality> all;
  private final Map<String, Municipality> byCode;

  private MunicipalityDirectory(List<Municipality> all) {
    this.all = List.copyOf(all);
    Map<String, Municipality> codes = new HashMap<>();
    for (Municipality m : all) {
      codes.put(m.ibgeCode(), m);
    }
    this.byCode = Map.copyOf(codes);
  }

  /** Loads the bundled table. */
  static MunicipalityDirectory load() {
    try (InputStream in = MunicipalityDirectory.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static MunicipalityDirectory read(BufferedReader reader) throws IOException {
    List<Municipality> rows = new ArrayList<>(5600);
    String line = reader.readLine();
    if (line == null || !stripBom(line).startsWith("ibge_code,")) {
      throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + line);
    }
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      // ibge_code,name,uf,capital: fixed-width code and UF, so the name is what lies between.
      int nameEnd = line.length() - 5;
      boolean wellFormed =
          line.length() > 13
              && line.charAt(7) == ','
              && line.charAt(nameEnd) == ','
              && line.charAt(nameEnd + 3) == ','
              && isIbgeCode(line.substring(0, 7))
              && MacroRegion.isUf(line.substring(nameEnd + 1, nameEnd + 3));
      if (!wellFormed) {
        throw new IllegalStateException("bad row " + lineNumber + " in " + RESOURCE + ": " + line);
      }
      String name = line.substring(8, nameEnd);
      rows.add(
          new Municipality(
              line.substring(0, 7),
              name,
              line.substring(nameEnd + 1, nameEnd + 3),
              line.charAt(line.length() - 1) == '1',
              NormalizedText.contentWords(name)));
    }
    return new MunicipalityDirectory(rows);
  }

  private static boolean isIbgeCode(String s) {
    if (s.length() != 7) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  List<Municipality> all() {
    return all;
  }

  /** The municipality with this code; fails if the code is unknown (a bug in a rule table). */
  Municipality require(String ibgeCode) {
    Municipality m = byCode.get(ibgeCode);
    if (m == null) {
      throw new IllegalStateException("unknown IBGE code " + ibgeCode);
    }
    return m;
  }
}
