package org.sentinela.datagen;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Compras rows as Latin-1 bytes straight into a buffer (no String formatting per row). The
 * constant parts of a row (a unit's organ block, an object's text) are encoded once and reused.
 */
final class PortalCsvWriter implements Closeable {

  private static final byte QUOTE = '"';
  private static final byte SEPARATOR = ';';
  private static final byte NEWLINE = '\n';
  private static final byte[] OBJECT_PREFIX = latin1("Objeto: ");

  /** The Portal's "Objeto" of contracts with a classified supplier. */
  private static final byte[] CLASSIFIED_OBJECT =
      latin1("Informação protegida por sigilo nos termos da legislação vigente");

  private static final int FIRST_CACHED_DAY = (int) LocalDate.of(1980, 1, 1).toEpochDay();
  private static final int CACHED_DAYS = 80 * 366;

  private OutputStream out;
  private final byte[] buffer = new byte[1 << 17];
  private int length;
  private final Suppliers suppliers;
  private final byte[][] unitBlocks;
  private final byte[][] unitNames;
  private final byte[][] unitCodes;
  private final byte[][] dates = new byte[CACHED_DAYS][];
  private final Map<ObjectCategory, byte[][]> objectParts = new HashMap<>();
  private final Map<String, byte[]> strings = new HashMap<>();
  private byte[][] companies = new byte[1 << 16][];
  private long rows;

  /** A writer for one run's files; {@link #open} starts each file. */
  PortalCsvWriter(Suppliers suppliers, List<BuyerUnit> units) {
    this.suppliers = suppliers;
    this.unitBlocks = new byte[units.size()][];
    this.unitNames = new byte[units.size()][];
    this.unitCodes = new byte[units.size()][];
    for (BuyerUnit u : units) {
      OrganFamily f = u.family();
      unitBlocks[u.index()] =
          fields(
              f.superiorCode(),
              PortalFormat.cut(f.superiorName()),
              u.organCode(),
              PortalFormat.cut(u.organName()),
              u.code(),
              u.name());
      unitNames[u.index()] = latin1(u.name());
      unitCodes[u.index()] = latin1(u.code());
    }
  }

  /** Finishes the current file, if any, and starts {@code file} with the header line. */
  void open(Path file) throws IOException {
    closeFile();
    out = Files.newOutputStream(file);
    bytes(PortalFormat.headerLine().getBytes(PortalFormat.CHARSET));
    bytes(new byte[] {NEWLINE});
  }

  /** Rows written to all files so far. */
  long rows() {
    return rows;
  }

  void write(ContractRow row) throws IOException {
    BuyerUnit unit = row.unit();
    LocalDate signature = row.signatureDate();
    quote();
    digits(row.contractSeq());
    digits(signature.getYear());
    next();
    objectText(row);
    next();
    bytes(cached(row.legalBasis()));
    next();
    bytes(cached(row.modality().portalName()));
    next();
    bytes(cached(row.situation()));
    next();
    bytes(unitBlocks[unit.index()]);
    next();
    date(row.signatureDay());
    next();
    date(row.publicationDay());
    next();
    date(row.startDay());
    next();
    date(row.endDay());
    next();
    supplier(row.supplier());
    next();
    money(row.initialCents());
    next();
    money(row.finalCents());
    next();
    if (row.modality().informed()) {
      tenderNumber(row.tenderSeq(), row.tenderYear());
      next();
      bytes(unitCodes[unit.index()]);
      next();
      bytes(unitNames[unit.index()]);
      next();
      bytes(cached(row.modality().tenderCode()));
      next();
      bytes(cached(row.modality().portalName()));
    } else {
      digits(row.notInformedCode());
      next();
      next();
      next();
      next();
    }
    quote();
    ensure(1);
    buffer[length++] = NEWLINE;
    rows++;
  }

  private void objectText(ContractRow row) {
    if (row.supplier() == Suppliers.CLASSIFIED) {
      bytes(CLASSIFIED_OBJECT);
      return;
    }
    if (row.objectPrefix()) {
      bytes(OBJECT_PREFIX);
    }
    byte[][] parts =
        objectParts.computeIfAbsent(
            row.category(),
            c -> {
              String[] split = c.text().split("\\{U}", -1);
              byte[][] encoded = new byte[split.length][];
              for (int i = 0; i < split.length; i++) {
                encoded[i] = latin1(split[i]);
              }
              return encoded;
            });
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        bytes(unitNames[row.unit().index()]);
      }
      bytes(parts[i]);
    }
  }

  private void tenderNumber(int seq, int year) {
    ensure(16);
    int v = seq;
    for (int p = 10_000; p >= 1; p /= 10) {
      buffer[length++] = (byte) ('0' + (v / p) % 10);
    }
    digits(year);
  }

  private void date(int epochDay) {
    int slot = epochDay - FIRST_CACHED_DAY;
    byte[] text;
    if (slot >= 0 && slot < CACHED_DAYS) {
      text = dates[slot];
      if (text == null) {
        text = dateText(epochDay);
        dates[slot] = text;
      }
    } else {
      text = dateText(epochDay);
    }
    bytes(text);
  }

  private static byte[] dateText(int epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    byte[] t = new byte[10];
    t[0] = (byte) ('0' + d.getDayOfMonth() / 10);
    t[1] = (byte) ('0' + d.getDayOfMonth() % 10);
    t[2] = '/';
    t[3] = (byte) ('0' + d.getMonthValue() / 10);
    t[4] = (byte) ('0' + d.getMonthValue() % 10);
    t[5] = '/';
    int y = d.getYear();
    t[6] = (byte) ('0' + y / 1000);
    t[7] = (byte) ('0' + (y / 100) % 10);
    t[8] = (byte) ('0' + (y / 10) % 10);
    t[9] = (byte) ('0' + y % 10);
    return t;
  }

  /** {@code 1234,5600}: reais, a comma, the cents and two zeros. */
  private void money(long cents) {
    digits(cents / 100);
    ensure(5);
    int c = (int) (cents % 100);
    buffer[length++] = ',';
    buffer[length++] = (byte) ('0' + c / 10);
    buffer[length++] = (byte) ('0' + c % 10);
    buffer[length++] = '0';
    buffer[length++] = '0';
  }

  private void digits(long value) {
    ensure(20);
    if (value < 0) {
      buffer[length++] = '-';
      value = -value;
    }
    if (value == 0) {
      buffer[length++] = '0';
      return;
    }
    int start = length;
    while (value > 0) {
      buffer[length++] = (byte) ('0' + value % 10);
      value /= 10;
    }
    for (int i = start, j = length - 1; i < j; i++, j--) {
      byte b = buffer[i];
      buffer[i] = buffer[j];
      buffer[j] = b;
    }
  }

  /** "Código Contratado" and "Nome Contratado"; a company's are encoded once. */
  private void supplier(int id) {
    if (id < 0) {
      text(suppliers.code(id));
      next();
      text(suppliers.name(id));
      return;
    }
    if (id >= companies.length) {
      companies = Arrays.copyOf(companies, Math.max(id + 1, companies.length * 2));
    }
    byte[] encoded = companies[id];
    if (encoded == null) {
      encoded = fields(suppliers.code(id), suppliers.name(id));
      companies[id] = encoded;
    }
    bytes(encoded);
  }

  /** Writes a text's Latin-1 bytes straight into the buffer. */
  private void text(String text) {
    ensure(text.length());
    if (text.length() > buffer.length) {
      bytes(latin1(text));
      return;
    }
    for (int i = 0; i < text.length(); i++) {
      buffer[length++] = latin1(text.charAt(i), text);
    }
  }

  private byte[] cached(String text) {
    return strings.computeIfAbsent(text, PortalCsvWriter::latin1);
  }

  private void quote() {
    ensure(1);
    buffer[length++] = QUOTE;
  }

  /** Closes a field and opens the next: {@code ";"}. */
  private void next() {
    ensure(3);
    buffer[length++] = QUOTE;
    buffer[length++] = SEPARATOR;
    buffer[length++] = QUOTE;
  }

  private void bytes(byte[] b) {
    if (b.length > buffer.length - length) {
      flushBuffer();
      if (b.length > buffer.length) {
        writeDirect(b);
        return;
      }
    }
    System.arraycopy(b, 0, buffer, length, b.length);
    length += b.length;
  }

  private void ensure(int n) {
    if (buffer.length - length < n) {
      flushBuffer();
    }
  }

  private void flushBuffer() {
    try {
      out.write(buffer, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    length = 0;
  }

  private void writeDirect(byte[] b) {
    try {
      out.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeFile() throws IOException {
    if (out == null) {
      return;
    }
    try {
      out.write(buffer, 0, length);
      length = 0;
    } finally {
      out.close();
      out = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeFile();
  }

  /** Several fields' Latin-1 bytes joined by {@code ";"} (without the outer quotes). */
  private static byte[] fields(String... values) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        joined.writeBytes(new byte[] {QUOTE, SEPARATOR, QUOTE});
      }
      joined.writeBytes(latin1(values[i]));
    }
    return joined.toByteArray();
  }

  /** Latin-1 bytes of a text; a character outside Latin-1 is a bug in the generator's tables. */
  static byte[] latin1(String text) {
    byte[] b = new byte[text.length()];
    for (int i = 0; i < text.length(); i++) {
      b[i] = latin1(text.charAt(i), text);
    }
    return b;
  }

  private static byte latin1(char c, String text) {
    if (c > 0xFF || c == '"' || c == '\n' || c == '\r') {
      throw new IllegalArgumentException("not writable in a Portal field: '" + c + "' in " + text);
    }
    return (byte) c;
  }
}
