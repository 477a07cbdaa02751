package org.sentinela.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a module's main class in a child JVM on the module's own classpath ({@code target/classes}
 * plus the {@code target/runtime-classpath.txt} its build writes), timing it and sampling, every
 * {@value #SAMPLE_MILLIS} ms, its peak resident memory ({@code VmHWM} of {@code /proc/PID/status})
 * and the CPU time of all its threads ({@code utime + stime} of {@code /proc/PID/stat}).
 */
final class ChildJvm {

  static final long SAMPLE_MILLIS = 100;

  /** Clock ticks per second of {@code /proc/PID/stat}'s CPU times on Linux. */
  private static final double TICKS_PER_SECOND = 100;

  /**
   * What a run cost: its exit code, wall time, peak resident set and CPU time up to the last sample
   * (both 0 where /proc is absent).
   */
  record Run(int exitCode, double wallSeconds, long peakRssKb, double cpuSeconds) {}

  private ChildJvm() {}

  /** The command running {@code mainClass} of {@code module} in {@code repo}. */
  static List<String> command(
      Path repo, String module, List<String> jvmOptions, String mainClass, List<String> args) {
    Path target = repo.resolve(module).resolve("target");
    Path classpathFile = target.resolve("runtime-classpath.txt");
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(
          "module " + module + " is not built: " + classpathFile + " is missing");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(target.resolve("classes") + File.pathSeparator + read(classpathFile).strip());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** Runs the command to its end; its output goes to {@code log}. */
  static Run run(List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      long start = System.nanoTime();
      Process process = builder.start();
      Path proc = Path.of("/proc", Long.toString(process.pid()));
      long peakKb = 0;
      long cpuTicks = 0;
      while (!process.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
        peakKb = Math.max(peakKb, highWaterMarkKb(proc.resolve("status")));
        cpuTicks = Math.max(cpuTicks, cpuTicks(proc.resolve("stat")));
      }
      double wall = (System.nanoTime() - start) / 1e9;
      return new Run(process.exitValue(), wall, peakKb, cpuTicks / TICKS_PER_SECOND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(command.size() - 1), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a child JVM", e);
    }
  }

  /** VmHWM (peak resident set, kB) from a /proc status file; 0 when it cannot be read. */
  static long highWaterMarkKb(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process has just ended, or this is not Linux: the peak so far stands
    }
    return 0;
  }

  /** utime + stime (clock ticks) from a /proc stat file; 0 when it cannot be read. */
  static long cpuTicks(Path stat) {
    try {
      String line = Files.readString(stat);
      // The command name in parentheses may hold spaces: the fields count from its end.
      String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      // the process has just ended, or this is not Linux: the time so far stands
      return 0;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
