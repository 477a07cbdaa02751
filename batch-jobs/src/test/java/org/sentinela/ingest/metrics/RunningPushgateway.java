package org.sentinela.ingest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus Pushgateway (the Debian package's binary) in a child process on a free loopback
 * port, with its own storage file. Skips the test when the binary is missing, but fails it when
 * {@code CI} is set: CI must install {@code prometheus-pushgateway}.
 */
final class RunningPushgateway implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

  private static final Pattern LISTENING =
      Pattern.compile("msg=\"Listening on\" address=(127\\.0\\.0\\.1:\\d+)");
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][\\w:]*)\\{(.*)\\} (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One sample of the gateway's /metrics: metric name, labels, value. */
  record Sample(String name, Map<String, String> labels, double value) {}

  private final Process process;
  private final String address;
  private final List<String> log;

  private RunningPushgateway(Process process, String address, List<String> log) {
    this.process = process;
    this.address = address;
    this.log = log;
  }

  /** Skips the calling test without the binary, unless CI is set: then it fails. */
  static void assumeInstalled() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String ci = System.getenv("CI");
    if (ci != null && !ci.isBlank()) {
      fail(
          BINARY
              + " is missing but CI is set: .ci/run installs the package prometheus-pushgateway");
    }
    Assumptions.abort(BINARY + " is missing (apt-get install prometheus-pushgateway)");
  }

  /** Starts the gateway and returns once it listens (it logs the port it bound). */
  static RunningPushgateway start(Path storage) throws IOException, InterruptedException {
    assumeInstalled();
    Files.createDirectories(storage);
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "--web.listen-address=127.0.0.1:0",
                "--persistence.file=" + storage.resolve("pushgateway.data"),
                "--log.level=info")
            .redirectErrorStream(true)
            .start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  log.add(line);
                  lines.add(line);
                }
              } catch (IOException closed) {
                // the gateway stopped
              }
            },
            "pushgateway-log");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        break;
      }
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return new RunningPushgateway(process, m.group(1), log);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("the Pushgateway did not start listening: " + log);
  }

  /** The URL to give SENTINELA_PUSHGATEWAY_URL. */
  String url() {
    return "http://" + address;
  }

  /** Every sample of the gateway's /metrics of {@code job}. */
  List<Sample> samples(String job) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Sample> samples = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Map<String, String> labels = new HashMap<>();
      Matcher l = LABEL.matcher(m.group(2));
      while (l.find()) {
        labels.put(l.group(1), l.group(2));
      }
      if (job.equals(labels.get("job"))) {
        samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
      }
    }
    return samples;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
