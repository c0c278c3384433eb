package dev.workersai.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.fault.Fault;
import dev.workersai.emulator.fault.FaultSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  private static final String SNAPSHOT = "src/test/resources/snapshot";

  @Test
  void parsesEveryOption() {
    CommandLine line = CommandLine.parse("--schemas", SNAPSHOT, "--port", "0", "--token", "t0k",
        "--account", "acc", "--enforce-rate-limits", "--rate-limit", "@cf/test/chat=5",
        "--batch-pending-polls", "0", "--fault", "latency,ms=10", "--bind", "127.0.0.1",
        "--max-body-bytes", "1024", "--body-memory-bytes", "5000000000");

    assertThat(line.config().port()).isZero();
    assertThat(line.config().token()).isEqualTo("t0k");
    assertThat(line.config().accountId()).isEqualTo("acc");
    assertThat(line.config().enforceRateLimits()).isTrue();
    assertThat(line.config().rateLimitOverrides()).containsEntry("@cf/test/chat", 5);
    assertThat(line.config().batchPendingPolls()).isZero();
    assertThat(line.config().bindAddress().isLoopbackAddress()).isTrue();
    assertThat(line.config().maxBodyBytes()).isEqualTo(1024);
    assertThat(line.config().bodyMemoryBytes()).isEqualTo(5_000_000_000L);
    assertThat(line.faults()).hasSize(1);
    assertThat(line.help()).isFalse();
    assertThat(CommandLine.parse().config().port()).isEqualTo(CommandLine.DEFAULT_PORT);
    assertThat(CommandLine.parse("--help").help()).isTrue();
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> CommandLine.parse("--port", "eighty")).hasMessageContaining("--port").hasMessageContaining("eighty");
    assertThatThrownBy(() -> CommandLine.parse("--token")).hasMessageContaining("--token needs a value");
    assertThatThrownBy(() -> CommandLine.parse("--frobnicate")).hasMessageContaining("--frobnicate");
    assertThatThrownBy(() -> CommandLine.parse("--rate-limit", "nolimit")).hasMessageContaining("MODEL=RPM");
    assertThatThrownBy(() -> CommandLine.parse("--body-memory-bytes", "lots")).hasMessage(
        "--body-memory-bytes expects a whole number, got 'lots'");
  }

  @Test
  void faultSpecsParseToFaults() {
    FaultSpec limited = FaultSpec.parse("rate-limit,code=3040,retry-after=3,model=@cf/test/chat,times=2");
    assertThat(limited.fault()).isEqualTo(Fault.rateLimited(3040, Duration.ofSeconds(3)));
    assertThat(limited.model()).hasValue("@cf/test/chat");
    assertThat(limited.times()).isEqualTo(2);

    assertThat(FaultSpec.parse("rate-limit,code=3036").fault()).isEqualTo(Fault.rateLimited(3036));
    assertThat(FaultSpec.parse("latency,ms=300").fault()).isEqualTo(Fault.latency(Duration.ofMillis(300)));
    assertThat(FaultSpec.parse("server-error,status=502").fault()).isEqualTo(new Fault.ServerError(502, 5002));
    assertThat(FaultSpec.parse("drop,after=1").fault()).isEqualTo(new Fault.DropConnection(1));
    assertThat(FaultSpec.parse("malformed-sse").fault()).isEqualTo(Fault.malformedSse());
    FaultSpec schema = FaultSpec.parse("schema-error,status=404,model=@cf/test/embed");
    assertThat(schema.fault()).isEqualTo(new Fault.SchemaEndpointError(404, 6002));
    assertThat(schema.model()).isEqualTo(Optional.of("@cf/test/embed"));
    assertThat(schema.times()).isEqualTo(-1);
  }

  @Test
  void badFaultSpecsAreNamed() {
    assertThatThrownBy(() -> FaultSpec.parse("explode")).hasMessageContaining("unknown kind 'explode'");
    assertThatThrownBy(() -> FaultSpec.parse("latency,sec=1")).hasMessageContaining("unknown key 'sec'");
    assertThatThrownBy(() -> FaultSpec.parse("rate-limit,code=429")).hasMessageContaining("3021, 3036 or 3040");
    assertThatThrownBy(() -> FaultSpec.parse("server-error,status=404")).hasMessageContaining("404");
    assertThatThrownBy(() -> FaultSpec.parse("latency,ms")).hasMessageContaining("key=value");
  }

  @Test
  void exportLinesQuoteWhatTheShellWouldRead() throws Exception {
    CommandLine line = CommandLine.parse("--schemas", SNAPSHOT, "--port", "0", "--token", "it's $HOME");
    try (WorkersAiEmulator emulator = Main.start(line, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(Main.exportLines(emulator)).contains("export CLOUDFLARE_API_TOKEN='it'\\''s $HOME'");
    }
  }

  @Test
  void startPrintsTheBaseUrlAndTokenThatWork() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    CommandLine line = CommandLine.parse("--schemas", SNAPSHOT, "--port", "0", "--token", "cli-token",
        "--fault", "rate-limit,code=3040,model=@cf/test/embed");
    try (WorkersAiEmulator emulator = Main.start(line, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String banner = printed.toString(StandardCharsets.UTF_8);
      assertThat(banner).contains(emulator.baseUrl()).contains("cli-token").contains("10 from " + SNAPSHOT)
          .contains("1 installed")
          .contains("\n  export CLOUDFLARE_ACCOUNT_ID=" + emulator.accountId() + "\n"
              + "  export CLOUDFLARE_API_TOKEN=cli-token\n"
              + "  export WORKERS_AI_BASE_URL=" + emulator.baseUrl() + "\n");
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(
          emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/run/@cf/test/chat"))
          .header("Authorization", "Bearer cli-token").POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      HttpResponse<String> faulted = http.send(HttpRequest.newBuilder(URI.create(
          emulator.baseUrl() + "/accounts/" + emulator.accountId() + "/ai/run/@cf/test/embed"))
          .header("Authorization", "Bearer cli-token").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(faulted.statusCode()).isEqualTo(429);
      assertThat(faulted.body()).contains("3040");
    }
  }
}
