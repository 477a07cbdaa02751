package org.sentinela.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a Sentinela module in a child JVM on its own classpath ({@code target/classes} plus the
 * {@code target/runtime-classpath.txt} its build writes), so Spark and Spring Boot never share a
 * JVM. The child's output goes to the console and to a log file.
 */
final class ModuleLauncher {

  /** Spark's own JVM options for Java 17 (org.apache.spark.launcher.JavaModuleOptions). */
  static final List<String> SPARK_JVM_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-modules=jdk.incubator.vector",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false",
          "-Dio.netty.tryReflectionSetAccessible=true");

  private final Path repo;
  private final PrintStream console;

  ModuleLauncher(Path repo, PrintStream console) {
    this.repo = repo;
    this.console = console;
  }

  /** A child JVM command for {@code mainClass} of {@code module}. */
  List<String> command(
      String module, List<String> jvmOptions, String mainClass, List<String> args) {
    Path target = repo.resolve(module).resolve("target");
    Path classpathFile = target.resolve("runtime-classpath.txt");
    if (!Files.isRegularFile(classpathFile) || !Files.isDirectory(target.resolve("classes"))) {
      throw new IllegalStateException(
          "module "
              + module
              + " is not built ("
              + classpathFile
              + " is missing): run `mvn -DskipTests package` in "
              + repo
              + ", or use `scripts/sentinela`, which builds what is missing");
    }
    String classpath;
    try {
      classpath =
          target.resolve("classes")
              + java.io.File.pathSeparator
              + Files.readString(classpathFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /**
   * Runs the command to completion with {@code env} added to this process's environment; its output
   * is copied to the console and appended to {@code log}. Returns the exit code.
   */
  int run(List<String> command, Map<String, String> env, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      Process process = builder.start();
      Thread stopChild = new Thread(process::destroy);
      Runtime.getRuntime().addShutdownHook(stopChild);
      try (BufferedReader out =
              new BufferedReader(
                  new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer file =
              Files.newBufferedWriter(
                  log,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND)) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          console.println(line);
          file.write(line);
          file.write('\n');
        }
        return process.waitFor();
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: the child is being stopped already
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(command.size() - 1), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a child process", e);
    }
  }
}
