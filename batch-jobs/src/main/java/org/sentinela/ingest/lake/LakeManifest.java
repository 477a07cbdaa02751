package org.sentinela.ingest.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which input files a contracts snapshot holds, kept beside its data as {@code _files.tsv} (name,
 * SHA-256, slug; Spark and DuckDB skip files starting with '_'). A new run carries over the parts
 * of files it was not given, or was given unchanged, so a night with only the new month's files
 * ingests only those and the lake keeps the rest.
 */
public record LakeManifest(List<Entry> entries) {

  static final String FILE_NAME = "_files.tsv";

  /** One input file of the snapshot. */
  public record Entry(String fileName, String sha256, String slug) {}

  public LakeManifest {
    entries = List.copyOf(entries);
  }

  /** The manifest of a snapshot; empty when the snapshot has none (or does not exist). */
  public static LakeManifest read(Path snapshot) {
    Path file = snapshot.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return new LakeManifest(List.of());
    }
    try (Stream<String> lines = Files.lines(file)) {
      return new LakeManifest(
          lines
              .filter(l -> !l.isBlank())
              .map(l -> l.split("\t", -1))
              .map(f -> new Entry(f[0], f[1], f[2]))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Writes this manifest into a (staging) snapshot folder. */
  public void write(Path snapshot) throws IOException {
    Files.createDirectories(snapshot);
    List<String> lines = new ArrayList<>();
    for (Entry e : entries) {
      lines.add(e.fileName() + "\t" + e.sha256() + "\t" + e.slug());
    }
    Files.write(snapshot.resolve(FILE_NAME), lines);
  }

  /** The entry of a file with exactly this content, if the snapshot holds it. */
  public Optional<Entry> find(String fileName, String sha256) {
    return entries.stream()
        .filter(e -> e.fileName().equals(fileName) && e.sha256().equals(sha256))
        .findFirst();
  }

  /**
   * Whether {@code fileName} is a part written from the input file of {@code slug}: {@code
   * part-SLUG.parquet}, or {@code part-SLUG.N.parquet} for a month's further parts (a slug has no
   * dot, so no other file's parts match).
   */
  public static boolean isPartOf(String fileName, String slug) {
    String first = "part-" + slug + ".parquet";
    if (fileName.equals(first)) {
      return true;
    }
    String prefix = "part-" + slug + ".";
    if (!fileName.startsWith(prefix) || !fileName.endsWith(".parquet")) {
      return false;
    }
    String part = fileName.substring(prefix.length(), fileName.length() - ".parquet".length());
    return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * Links every part of {@code slug} from one snapshot folder into another at the same relative
   * path (a hard link; a copy where the file system has none).
   */
  public static void carryOver(Path from, Path to, String slug) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    List<Path> parts;
    try (Stream<Path> all = Files.walk(from)) {
      parts = all.filter(p -> isPartOf(p.getFileName().toString(), slug)).toList();
    }
    for (Path part : parts) {
      Path target = to.resolve(from.relativize(part));
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(target);
      try {
        Files.createLink(target, part);
      } catch (UnsupportedOperationException | IOException noLinks) {
        Files.copy(part, target);
      }
    }
  }
}
