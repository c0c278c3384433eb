package dev.workersai.generator.cli;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.GenerationRequestException;
import dev.workersai.generator.GenerationResult;
import dev.workersai.generator.Generator;
import dev.workersai.generator.RequestOptions;
import dev.workersai.generator.state.GenerationState;
import dev.workersai.generator.write.Digests;
import dev.workersai.generator.write.FileHashes;
import dev.workersai.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The generator's command line:
 * {@code java -jar workers-ai-generator-<version>-cli.jar --schemas DIR --out DIR [--package NAME]
 * [--include GLOB]... [--exclude GLOB]... [--task NAME]... [--rate-limits FILE]}, or {@code --help},
 * or {@code --version}. Exit status 0 after printing the one-line summary (warnings, such as a model
 * with no known rate limit, go to standard error first); 1 for a bad snapshot (the message names the
 * file and JSON pointer, and nothing is written), an output that cannot be written, or an internal
 * error (one line, {@code [internal-error]}); 2 for bad usage, with the usage text.
 *
 * <p>Incremental like the Maven goal: the state of the last successful run is kept in the output
 * folder ({@value Digests#STATE_IN_OUTPUT}); when the input files, the options, the generator and the
 * output are all as that run left them, nothing is read or written and one line says so.
 */
public final class GeneratorCli {
  /** Exit status of a successful run. */
  public static final int OK = 0;
  /** Exit status when the snapshot or the output folder is at fault. */
  public static final int FAILED = 1;
  /** Exit status for bad arguments. */
  public static final int USAGE = 2;

  static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar workers-ai-generator-cli.jar --schemas DIR --out DIR [options]",
      "  --schemas DIR       catalog snapshot folder (model *.json files, optional rate-limits.json)",
      "  --out DIR           source folder to write into (files it did not write are never overwritten or deleted)",
      "  --package NAME      base package (default " + GenerationRequest.DEFAULT_PACKAGE + ")",
      "  --include GLOB      keep model ids matching GLOB, e.g. @cf/meta/* (repeatable; default: all)",
      "  --exclude GLOB      drop model ids matching GLOB (repeatable)",
      "  --task NAME         keep models of this task, e.g. \"Text Generation\" (repeatable)",
      "  --rate-limits FILE  rate-limit table replacing the snapshot's own (default: the snapshot's",
      "                      rate-limits.json, else the published table bundled with the generator)",
      "  --help              print this text",
      "  --version           print the generator's version",
      "Globs: * matches within one id segment, ** across segments, ? one character.");

  private GeneratorCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line, printing to the given streams; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(USAGE_TEXT);
      return OK;
    }
    if (args.length == 1 && args[0].equals("--version")) {
      out.println("workers-ai-generator " + version());
      return OK;
    }
    GenerationRequest request;
    try {
      request = parse(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    try {
      Path stateFile = request.outputDirectory().resolve(Digests.STATE_IN_OUTPUT);
      Path stampsFile = request.outputDirectory().resolve(Digests.STAMPS_IN_OUTPUT);
      FileHashes hashes = FileHashes.load(stampsFile);   // files whose size and time did not move are not read
      String tool = "workers-ai-generator " + identity();
      List<Path> inputs = request.inputs();
      if (GenerationState.check(tool, request, inputs, stateFile, hashes).isEmpty()) {
        if (hashes.hasNewStamps()) {
          hashes.save(stampsFile);
        }
        out.println("up to date: " + request.outputDirectory() + " (schemas, options and generator unchanged; delete "
            + stateFile.getFileName() + " there to force a run)");
        return OK;
      }
      GenerationResult result = Generator.generate(request, hashes);
      result.warnings().forEach(warning -> err.println("warning: " + warning));
      out.println(result.summary());
      GenerationState.recordRun(tool, request, inputs, hashes, stateFile, stampsFile);
      return OK;
    } catch (CatalogException e) {
      // one line per bad file or pointer, every one the run found
      e.problems().forEach(problem -> err.println("error: " + problem.getMessage()));
      return FAILED;
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return FAILED;
    } catch (GenerationRequestException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug, not the user's doing: one line to report, and never the usage text.
      err.println("error: [internal-error] " + e + " (please report this with the snapshot that caused it)");
      return FAILED;
    }
  }

  /** The project version, from the build-filtered {@code version.properties} beside this class. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = GeneratorCli.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** The version, and for a SNAPSHOT the identity of the jar this runs from: its code changes under one version. */
  private static String identity() {
    String version = version();
    return version.endsWith("-SNAPSHOT") ? version + " " + Digests.codeOf(GeneratorCli.class) : version;
  }

  static GenerationRequest parse(String[] args) {
    RequestOptions options = new RequestOptions();
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("--version")) {
        throw new IllegalArgumentException(option + " takes no other arguments");
      }
      if (!options.accept(option, valueOf(args, i++))) {
        throw new IllegalArgumentException(
            option.startsWith("--") ? "unknown option " + option : "unexpected argument " + option);
      }
    }
    return options.request();
  }

  /** The value after the option at {@code i}; a known option at the end of the line lacks one. */
  private static String valueOf(String[] args, int i) {
    if (i + 1 < args.length) {
      return args[i + 1];
    }
    throw new IllegalArgumentException(RequestOptions.NAMES.contains(args[i]) ? args[i] + " needs a value"
        : args[i].startsWith("--") ? "unknown option " + args[i] : "unexpected argument " + args[i]);
  }
}
