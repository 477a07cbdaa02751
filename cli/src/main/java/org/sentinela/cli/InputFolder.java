package org.sentinela.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a night's input folder holds at its top level, as the ingest sees it (it reads no
 * subfolder): the names of its regular files and of its subfolders, hidden ones left out, sorted.
 */
record InputFolder(List<String> files, List<String> subfolders) {

  InputFolder {
    files = List.copyOf(files);
    subfolders = List.copyOf(subfolders);
  }

  static InputFolder list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> visible =
          entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      return new InputFolder(
          names(visible.stream().filter(Files::isRegularFile)),
          names(visible.stream().filter(Files::isDirectory)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the input folder " + folder, e);
    }
  }

  private static List<String> names(Stream<Path> paths) {
    return paths.map(p -> p.getFileName().toString()).toList();
  }
}
