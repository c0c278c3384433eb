package dev.workersai.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refresh goal against a small fake of the two catalog endpoints: what its failures say in the
 * build log (they become Maven's [ERROR] lines) and that a blocked refresh leaves the snapshot alone.
 */
class RefreshMojoTest {
  private static final String TOKEN = "mojo-secret-7f3a9c2e1b";
  private static final String SCHEMA = "{\"input\":{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\"}},"
      + "\"required\":[\"prompt\"]},\"output\":{\"type\":\"object\",\"properties\":{\"response\":{\"type\":\"string\"}}}}";

  @TempDir Path temp;
  private HttpServer server;
  /** Model name → schema the fake serves; the search lists them all, in order. */
  private final Map<String, String> catalog = new ConcurrentHashMap<>();
  /** When set, every answer is this error status with the request's Authorization header as message. */
  private volatile int echoStatus;
  private final List<String> lines = new ArrayList<>();
  private RefreshMojo mojo;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/client/v4/accounts/acc/ai/models/", exchange -> {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      String query = exchange.getRequestURI().getRawQuery();
      int status = 200;
      String body;
      if (echoStatus != 0) {
        status = echoStatus;
        body = "{\"success\":false,\"errors\":[{\"message\":\"denied: " + header + "\"}],\"result\":null}";
      } else if (exchange.getRequestURI().getPath().endsWith("/search")) {
        List<String> items = query.contains("page=1") ? new TreeMap<>(catalog).keySet().stream()
            .map(name -> "{\"name\":\"" + name + "\",\"task\":{\"name\":\"Text Generation\"},\"properties\":[]}").toList() : List.of();
        body = "{\"success\":true,\"result\":[" + String.join(",", items) + "]}";
      } else {
        String model = URLDecoder.decode(query.substring(query.indexOf("model=") + 6), StandardCharsets.UTF_8);
        body = "{\"success\":true,\"result\":" + catalog.get(model) + "}";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();

    Files.createDirectories(temp.resolve("model-schemas/models"));
    for (String name : List.of("bge-small-en-v1.5", "b", "c")) {
      catalog.put("@cf/it/" + name, SCHEMA);
      Files.writeString(temp.resolve("model-schemas/models/" + name + ".json"),
          "{\"name\":\"@cf/it/" + name + "\",\"task\":\"Text Generation\",\"properties\":[],\"schema\":" + SCHEMA + "}\n");
    }

    mojo = new RefreshMojo(null);
    mojo.apiBaseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
    mojo.accountId = "acc";
    mojo.serverId = "workers-ai";
    mojo.schemaDirectory = temp.resolve("model-schemas").toFile();
    mojo.pageSize = 100;
    mojo.maxResponseBytes = 1 << 20;
    mojo.reportDirectory = temp.resolve("target/workers-ai").toFile();
    Server credentials = new Server();
    credentials.setId("workers-ai");
    credentials.setPassword(TOKEN);
    mojo.settings = new Settings();
    mojo.settings.addServer(credentials);
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        lines.add("[INFO] " + content);
      }

      @Override
      public void warn(CharSequence content) {
        lines.add("[WARNING] " + content);
      }
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void failOnBreakingWithAnIncludeThatMatchesNoModelFailsLikeGenerateAndWritesNothing() throws IOException {
    Map<String, String> before = snapshot();
    catalog.put("@cf/it/b", SCHEMA.replace("\"prompt\":{\"type\":\"string\"}", "\"prompt\":{\"type\":\"string\"},\"mode\":{\"type\":\"string\"}")
        .replace("\"required\":[\"prompt\"]", "\"required\":[\"prompt\",\"mode\"]"));
    mojo.failOnBreaking = true;
    mojo.includes = List.of("@cf/it/bge-smal-en-v1.5");

    Throwable failure = catchThrowable(mojo::execute);

    assertThat(failure).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("include @cf/it/bge-smal-en-v1.5 matches no model; closest ids: [@cf/it/bge-small-en-v1.5");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aBlockedGuardNamesTheModelsAndChangesWithACount() throws IOException {
    Map<String, String> before = snapshot();
    String twoRequired = SCHEMA.replace("\"required\":[\"prompt\"]", "\"required\":[\"prompt\",\"mode\",\"seed\"]")
        .replace("\"prompt\":{\"type\":\"string\"}", "\"prompt\":{\"type\":\"string\"},\"mode\":{\"type\":\"string\"},\"seed\":{\"type\":\"integer\"}");
    catalog.put("@cf/it/b", twoRequired);
    catalog.put("@cf/it/c", twoRequired);
    mojo.failOnBreaking = true;
    mojo.includes = List.of("@cf/it/*");

    Throwable failure = catchThrowable(mojo::execute);

    assertThat(failure).isInstanceOf(MojoFailureException.class).hasMessageContainingAll(
        "Breaking catalog changes touch models this project selects (4 breaking changes to 2 guarded models",
        "\n  - @cf/it/b input $.mode: required field added",
        "\n  - @cf/it/c input $.seed: required field added",
        "Full report: " + temp.resolve("target/workers-ai/catalog-changes.md"));
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void anAnswerWithoutModelsFailsAndPointsAtAllowMassRemoval() throws Exception {
    Map<String, String> before = snapshot();
    catalog.clear();

    Throwable failure = catchThrowable(mojo::execute);

    assertThat(failure).isInstanceOf(MojoFailureException.class).hasMessageContainingAll(
        "lacks 3 of the snapshot's 3 models (it lists 0)", "-Dworkers-ai.allowMassRemoval=true", "@cf/it/b: model removed");
    assertThat(lines).contains("[WARNING] the catalog lists no models at all");
    assertThat(snapshot()).isEqualTo(before);

    mojo.allowMassRemoval = true;
    mojo.execute();

    // No model is left; the snapshot still says when it was taken.
    assertThat(snapshot()).containsOnlyKeys("model-schemas/models/snapshot.properties");
  }

  @Test
  void anEchoedTokenReachesNeitherTheLogNorTheFailure() {
    echoStatus = 401;

    Throwable failure = catchThrowable(mojo::execute);

    assertThat(failure).isInstanceOf(MojoFailureException.class).hasMessageContaining("HTTP 401: denied: Bearer [redacted]");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t)).doesNotContain(TOKEN.substring(0, 8));
    }
    assertThat(lines).noneMatch(line -> line.contains(TOKEN.substring(0, 8)));
  }

  /** Every model file of the snapshot, relative path → content. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(temp.resolve("model-schemas"))) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(temp.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }
}
