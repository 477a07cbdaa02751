package org.sentinela.ingest.pncp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sentinela.ingest.json.JsonContractReader;

/**
 * Reads a PNCP contratos JSON file: either the consultation API's page envelope {@code {"data":
 * [...], "totalRegistros": ..., "totalPaginas": ..., ...}} or a plain array of the same records (as
 * saved by most scrapers). One {@link org.sentinela.ingest.json.JsonRecord} per contract.
 */
public class PncpContractReader extends JsonContractReader {

  /** Name of the format in messages. */
  public static final String FORMAT_NAME = "PNCP";

  /** The API envelope's field holding the page of records. */
  public static final String ENVELOPE_FIELD = "data";

  /** Reads a UTF-8 file (with or without BOM). */
  public PncpContractReader(Path file) {
    this(file, StandardCharsets.UTF_8);
  }

  /** Reads a file in the declared charset (a UTF-8 BOM overrides it). */
  public PncpContractReader(Path file, Charset charset) {
    super(file, charset, FORMAT_NAME, ENVELOPE_FIELD);
  }
}
