package org.sentinela.reporting.api.anomaly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The anomaly list's serialized pages, kept while the latest published run stays the same: a
 * published run never changes, so a page is a function of (latest run, canonical query). Bounded by
 * {@link ResponseCacheSettings#maxBytes}, least recently used first out; emptied when another run
 * becomes the latest.
 */
@Component
class AnomalyPageCache {

  private final ObjectMapper json;
  private final LatestRunWatch watch;
  private final long maxBytes;
  private final LinkedHashMap<Key, SerializedPage> pages = new LinkedHashMap<>(256, 0.75f, true);
  private final Counter hits;
  private final Counter misses;
  private final String instance = UUID.randomUUID().toString();
  private String generation = LatestRunWatch.NONE;
  private long bytes;

  AnomalyPageCache(
      ObjectMapper json,
      LatestRunWatch watch,
      ResponseCacheSettings settings,
      MeterRegistry registry) {
    this.json = json;
    this.watch = watch;
    this.maxBytes = settings.maxBytes();
    this.hits = pageCounter(registry, "hit");
    this.misses = pageCounter(registry, "miss");
    Gauge.builder("sentinela.api.anomaly.page.cache.bytes", this, AnomalyPageCache::size)
        .description("Bytes of serialized anomaly pages held in memory")
        .register(registry);
  }

  /** A page as it goes on the wire: its JSON and its entity tag. */
  record SerializedPage(byte[] body, String etag) {}

  /**
   * The page for {@code query} (the request's filters, limit, cursor and run, canonically spelled),
   * from memory or else from {@code load}. {@code requestedRun} is the request's {@code run}
   * parameter: null means the latest run, which {@code load} resolves itself.
   */
  SerializedPage page(String query, String requestedRun, Supplier<AnomalyPage> load) {
    Key key = new Key(watch.latest(), query);
    if (maxBytes > 0) {
      SerializedPage cached = get(key);
      if (cached != null) {
        hits.increment();
        return cached;
      }
    }
    misses.increment();
    AnomalyPage page = load.get();
    String shownRun = page.run() == null ? LatestRunWatch.NONE : page.run().runId();
    SerializedPage serialized = new SerializedPage(serialize(page), etag(key, shownRun));
    boolean current = true;
    if (requestedRun == null) {
      watch.observe(shownRun);
      current = shownRun.equals(key.latestRun());
    }
    if (maxBytes > 0 && current) {
      put(key, serialized);
    }
    return serialized;
  }

  /** Bytes held now. */
  synchronized long size() {
    return bytes;
  }

  /** Pages held now. */
  synchronized int count() {
    return pages.size();
  }

  private synchronized SerializedPage get(Key key) {
    startGeneration(key.latestRun());
    return pages.get(key);
  }

  private synchronized void put(Key key, SerializedPage page) {
    startGeneration(key.latestRun());
    long weight = weight(key, page);
    if (weight > maxBytes) {
      return;
    }
    SerializedPage previous = pages.put(key, page);
    if (previous != null) {
      bytes -= weight(key, previous);
    }
    bytes += weight;
    Iterator<Map.Entry<Key, SerializedPage>> eldest = pages.entrySet().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      Map.Entry<Key, SerializedPage> out = eldest.next();
      bytes -= weight(out.getKey(), out.getValue());
      eldest.remove();
    }
  }

  private void startGeneration(String latestRun) {
    if (!latestRun.equals(generation)) {
      pages.clear();
      bytes = 0;
      generation = latestRun;
    }
  }

  private byte[] serialize(AnomalyPage page) {
    try {
      return json.writeValueAsBytes(page);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write an anomaly page as JSON", e);
    }
  }

  /**
   * A page's entity tag: a digest of what the page is a function of (like its cache key: the latest
   * run when it was read and the canonical query, plus the run it shows and this process, whose
   * JSON may differ from another version's), not of its body. Hashing the ~60 KB body was an eighth
   * of the CPU of a page read from the database.
   */
  private String etag(Key key, String shownRun) {
    String identity = instance + "\n" + key.latestRun() + "\n" + shownRun + "\n" + key.query();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** What an entry costs: its body, its key's characters and the entry's own objects. */
  private static long weight(Key key, SerializedPage page) {
    return page.body().length
        + 2L * (key.latestRun().length() + key.query().length())
        + page.etag().getBytes(StandardCharsets.US_ASCII).length
        + 200;
  }

  private static Counter pageCounter(MeterRegistry registry, String result) {
    return Counter.builder("sentinela.api.anomaly.page.cache")
        .description("Anomaly list pages served from memory (hit) or the database (miss)")
        .tag("result", result)
        .register(registry);
  }

  /** A cached page's identity: the latest run when it was read, and the canonical query. */
  private record Key(String latestRun, String query) {}
}
