package org.sentinela.ingest.comprasgov;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.sentinela.ingest.json.JsonContractReader;

/**
 * Reads a Contratos.gov.br contracts JSON file: the API's plain array of contract objects (the
 * {@code /api/contrato/...} endpoints return a bare array, with no page envelope, so an object at
 * the top level is refused). One {@link org.sentinela.ingest.json.JsonRecord} per contract.
 */
public class ComprasGovContractReader extends JsonContractReader {

  /** Name of the format in messages. */
  public static final String FORMAT_NAME = "Contratos.gov.br";

  /** Reads a UTF-8 file (with or without BOM). */
  public ComprasGovContractReader(Path file) {
    this(file, StandardCharsets.UTF_8);
  }

  /** Reads a file in the declared charset (a UTF-8 BOM overrides it). */
  public ComprasGovContractReader(Path file, Charset charset) {
    super(file, charset, FORMAT_NAME, null);
  }
}
