package dev.workersai.emulator.cli;

import dev.workersai.emulator.EmulatorConfig;
import dev.workersai.emulator.fault.FaultSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The emulator's command line, parsed. Errors name the flag and the value at fault.
 *
 * @param config the server configuration
 * @param faults faults to install at start
 * @param help whether {@code --help} was given
 */
public record CommandLine(EmulatorConfig config, List<FaultSpec> faults, boolean help) {

  /** The usage text printed by {@code --help}. */
  public static final String USAGE = String.join("\n",
      "Usage: java -jar workers-ai-emulator.jar [options]",
      "  --schemas DIR            snapshot folder (model *.json + optional rate-limits.json);",
      "                           default: model-schemas/models found from the working directory up",
      "  --rate-limits FILE       rate-limit table (default: DIR/rate-limits.json, else one beside DIR)",
      "  --port N                 port to listen on (default 8787; 0 = a free port)",
      "  --bind ADDRESS           address to listen on (default 127.0.0.1; anything else exposes it)",
      "  --token T                bearer token to require (default: a random one, printed at start)",
      "  --account ID             account id in the paths (default " + EmulatorConfig.DEFAULT_ACCOUNT_ID + ")",
      "  --enforce-rate-limits    answer 429/3021 beyond the catalog's per-minute limits",
      "  --rate-limit MODEL=RPM   replace one model's limit (repeatable)",
      "  --batch-pending-polls N  polls a queued batch answers \"running\" (default 1)",
      "  --max-body-bytes N       largest request body; bigger ones get 413 (default 10485760)",
      "  --body-memory-bytes N    request body bytes held at once; more uploads wait (default: heap/8)",
      "  --fault SPEC             inject a fault (repeatable), e.g.",
      "                             latency,ms=300",
      "                             rate-limit,code=3021,retry-after=2,model=@cf/meta/llama-3.1-8b-instruct",
      "                             server-error,status=503,times=2",
      "                             drop,after=2   malformed-sse   schema-error,status=500,model=@cf/...",
      "  --help                   this text");

  /** The port used when {@code --port} is not given, so the printed URL is stable between runs. */
  public static final int DEFAULT_PORT = 8787;

  /** Parses {@code args}. */
  public static CommandLine parse(String... args) {
    EmulatorConfig.Builder config = EmulatorConfig.builder().port(DEFAULT_PORT);
    List<FaultSpec> faults = new ArrayList<>();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--help", "-h" -> help = true;
        case "--enforce-rate-limits" -> config.enforceRateLimits(true);
        case "--schemas" -> config.schemas(Path.of(value(args, ++i, flag)));
        case "--rate-limits" -> config.rateLimitsFile(Path.of(value(args, ++i, flag)));
        case "--port" -> config.port(number(value(args, ++i, flag), flag));
        case "--bind" -> config.bindAddress(address(value(args, ++i, flag)));
        case "--token" -> config.token(value(args, ++i, flag));
        case "--account" -> config.accountId(value(args, ++i, flag));
        case "--batch-pending-polls" -> config.batchPendingPolls(number(value(args, ++i, flag), flag));
        case "--rate-limit" -> {
          String spec = value(args, ++i, flag);
          int eq = spec.lastIndexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--rate-limit expects MODEL=RPM, got '" + spec + "'");
          }
          config.rateLimit(spec.substring(0, eq), number(spec.substring(eq + 1), flag));
        }
        case "--max-body-bytes" -> config.maxBodyBytes(number(value(args, ++i, flag), flag));
        case "--body-memory-bytes" -> config.bodyMemoryBytes(longNumber(value(args, ++i, flag), flag));
        case "--fault" -> faults.add(FaultSpec.parse(value(args, ++i, flag)));
        default -> throw new IllegalArgumentException("unknown option '" + flag + "' (see --help)");
      }
    }
    return new CommandLine(config.build(), List.copyOf(faults), help);
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[index];
  }

  private static int number(String value, String flag) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
    }
  }

  private static long longNumber(String value, String flag) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " expects a whole number, got '" + value + "'");
    }
  }

  private static InetAddress address(String value) {
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("--bind: unknown address '" + value + "'");
    }
  }
}
