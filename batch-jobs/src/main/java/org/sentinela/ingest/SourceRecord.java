package org.sentinela.ingest;

/** One raw record of an input file, in any source format, with its lineage. */
public interface SourceRecord {

  /** The input file's name (with {@code !entry} inside a zip). */
  String fileName();

  /** The 1-based line (CSV, header = 1) or record index (JSON) in that file. */
  long recordNumber();

  /** The record exactly as read: kept in the quarantine and hashed for duplicates. */
  String rawText();
}
