package dev.workersai.generator.refresh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.catalog.Catalog;
import dev.workersai.catalog.CatalogReader;
import dev.workersai.catalog.RateLimitTable;
import dev.workersai.catalog.SnapshotNormalizer;
import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.diff.CatalogDiff;
import dev.workersai.generator.diff.Change;
import dev.workersai.generator.diff.GeneratedTypeChanges;
import dev.workersai.generator.naming.NameLock;
import dev.workersai.generator.naming.TypeNames;
import dev.workersai.generator.diff.ChangeReport;
import dev.workersai.generator.write.SnapshotFolderSwap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * Pulls the live Workers AI catalog into a snapshot folder and reports what changed. Usable without
 * Maven; the plugin's {@code refresh} goal only wires parameters to it.
 *
 * <pre>{@code
 * RefreshResult result = CatalogRefresher.refresh(
 *     RefreshRequest.of(RefreshRequest.DEFAULT_API_BASE_URL, accountId, ApiToken.of(token), Path.of("model-schemas")),
 *     System.out::println);
 * System.out.println(result.changes().toMarkdown());
 * }</pre>
 *
 * <p>Steps: page through {@code /ai/models/search} (see {@link SearchPager}), fetch every model's
 * schema from {@code /ai/models/schema} a few at a time, merge each search item with its schema into
 * a catalog entry and normalize it to the facts-only snapshot form, stage the new model folder beside
 * the old one, read both as catalogs and diff them, and only then swap the folders. Any failure
 * before the swap, an interrupt included, leaves the snapshot folder exactly as it was.
 *
 * <p>The token goes into the {@code Authorization} header and nowhere else: not into log lines,
 * exception messages or files. Each call is independent; concurrent refreshes of the same folder are
 * not supported.
 */
public final class CatalogRefresher {
  private CatalogRefresher() {}

  /**
   * Runs a refresh.
   *
   * @param log receives progress lines (pages read, retries); called from several threads
   * @throws RefreshException when the API cannot be reached or answers something unusable
   * @throws dev.workersai.catalog.CatalogException when the current snapshot or a fetched
   *     entry cannot be read as a catalog
   * @throws java.io.UncheckedIOException when the snapshot folder cannot be written
   */
  public static RefreshResult refresh(RefreshRequest request, Consumer<String> log) {
    return refresh(request, log, Clock.systemUTC());
  }

  /** As {@link #refresh(RefreshRequest, Consumer)}, dating a written snapshot by {@code clock}. */
  static RefreshResult refresh(RefreshRequest request, Consumer<String> log, Clock clock) {
    Redactor redactor = new Redactor(request.token());
    Consumer<String> maskedLog = line -> log.accept(redactor.redact(line));
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        // A redirect would carry the request, and with a same-host one the token, somewhere apiBaseUrl
        // does not name; CatalogApi refuses 3xx answers instead.
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    try {
      CatalogApi api = new CatalogApi(http, request.apiBaseUrl(), request.accountId(), request.token(), request.tuning(), maskedLog);
      List<ObjectNode> items = new SearchPager(api, request.tuning(), maskedLog).readAll();
      List<String> warnings = Collections.synchronizedList(new ArrayList<>());
      Map<String, Optional<JsonNode>> schemas = new SchemaFetcher(api, request.tuning().concurrency())
          .fetch(items.stream().map(item -> item.get("name").asText()).toList(), warnings::add);
      Map<String, byte[]> files = snapshotFiles(items, schemas, redactor);
      if (items.isEmpty()) {
        warnings.add("the catalog lists no models at all");
      }
      List<String> sortedWarnings = warnings.stream().map(redactor::redact).sorted().toList();
      return write(request, files, sortedWarnings, items.size(), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    } catch (RuntimeException e) {
      // Messages quote model names, API errors and schema values: whatever the server sent.
      throw redactor.scrub(e);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  private static Map<String, byte[]> snapshotFiles(
      List<ObjectNode> items, Map<String, Optional<JsonNode>> schemas, Redactor redactor) {
    Map<String, byte[]> files = new TreeMap<>();
    for (ObjectNode item : items) {
      ObjectNode entry = item.deepCopy();
      schemas.get(item.get("name").asText()).ifPresent(schema -> entry.set("schema", schema));
      SnapshotNormalizer.Entry normalized = SnapshotNormalizer.normalize(entry);
      byte[] bytes = normalized.bytes();
      if (redactor.holdsWholeToken(new String(bytes, StandardCharsets.UTF_8))) {
        // A proxy that echoes the Authorization header into a body would otherwise get the token committed.
        throw new RefreshException("the catalog answer for " + normalized.modelId() + " contains the API token;"
            + " refusing to write it to " + normalized.fileName() + " (is a proxy echoing request headers?)");
      }
      byte[] earlier = files.put(normalized.fileName(), bytes);
      if (earlier != null) {
        throw new RefreshException("two catalog models map to the snapshot file " + normalized.fileName()
            + " (the second is " + item.get("name").asText() + ")");
      }
    }
    return files;
  }

  private static RefreshResult write(RefreshRequest request, Map<String, byte[]> files, List<String> warnings, int models,
      LocalDate today) {
    Path snapshot = request.snapshotDirectory();
    SnapshotLayout layout = SnapshotLayout.of(snapshot);
    Catalog before = Files.isDirectory(snapshot) ? CatalogReader.read(snapshot) : new Catalog(List.of(), RateLimitTable.empty());
    SnapshotFolderSwap swap = new SnapshotFolderSwap(layout.modelFolder());
    Path staged = swap.stage(files, layout.keep());
    try {
      // The staged folder is read flat: its model files sit at its top, the rate limits stay the project's.
      Catalog after = new Catalog(CatalogReader.read(staged).models(), before.rateLimits());
      ChangeReport changes = withGeneratedCode(CatalogDiff.compare(before, after), before, after, snapshot, staged);
      writeDate(staged, today);
      WriteGuard.Verdict verdict = WriteGuard.judge(request, before, after, changes, sameFiles(layout.currentModelFiles(), files));
      if (verdict.outcome() == RefreshResult.Outcome.WRITTEN) {
        swap.commit(staged);
      } else {
        swap.discard(staged);
      }
      List<String> allWarnings = new ArrayList<>(warnings);
      allWarnings.addAll(verdict.warnings());
      return new RefreshResult(changes, models, before.models().size(), allWarnings, verdict.outcome(), verdict.blockedBy());
    } catch (RuntimeException e) {
      swap.discard(staged);
      throw e;
    }
  }

  /** Staged with the models, so an unchanged catalog, not written, keeps the day it was taken. */
  private static void writeDate(Path staged, LocalDate today) {
    try {
      Files.write(staged.resolve(SnapshotDate.FILE_NAME), SnapshotDate.toBytes(today));
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + SnapshotDate.FILE_NAME + " into the staged snapshot", e);
    }
  }

  /**
   * The catalog changes plus what they do to generated Java, with the new snapshot's type-name lock
   * written into the staged folder: names the old lock (or, without one, the old plan) gave are kept.
   */
  private static ChangeReport withGeneratedCode(ChangeReport changes, Catalog before, Catalog after, Path snapshot,
      Path staged) {
    String pkg = GenerationRequest.DEFAULT_PACKAGE;
    NameLock lock = NameLock.read(snapshot);
    TypeNames was = Generator.planNames(before, lock, pkg);
    TypeNames is = Generator.planNames(after, lock.isEmpty() ? was.lock() : lock, pkg);
    try {
      NameLock next = is.lock();
      Path file = staged.resolve(NameLock.FILE_NAME);
      if (next.isEmpty()) {
        Files.deleteIfExists(file);
      } else {
        Files.write(file, next.toBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + NameLock.FILE_NAME + " into the staged snapshot", e);
    }
    Set<String> kept = new HashSet<>();
    before.models().forEach(m -> kept.add(m.id()));
    kept.retainAll(after.models().stream().map(m -> m.id()).toList());
    List<Change> all = new ArrayList<>(changes.changes());
    all.addAll(GeneratedTypeChanges.compare(was, is, new TreeSet<>(kept), pkg));
    return new ChangeReport(all);
  }

  private static boolean sameFiles(Map<String, byte[]> current, Map<String, byte[]> next) {
    return current.keySet().equals(next.keySet())
        && current.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), next.get(e.getKey())));
  }
}
