package dev.workersai.generator.build;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.GenerationResult;
import dev.workersai.generator.Generator;
import dev.workersai.generator.state.GenerationState;
import dev.workersai.generator.write.FileHashes;
import java.nio.file.Path;
import java.util.List;

/**
 * What a build does once its up-to-date check has found a reason to generate: generate, log the
 * outcome, and record the state and stamps the next check compares against. The same code runs
 * in-process and in a forked JVM ({@link ChildGeneration}), so the two cannot drift.
 */
public final class IncrementalGeneration {
  /** A whole catalog yields hundreds of notes; the first few go to the normal log, every one to debug. */
  static final int NOTES_SHOWN = 5;

  private IncrementalGeneration() {}

  /**
   * Generates {@code request} and then saves the state of its {@code inputs} (with the output's
   * digest) to {@code stateFile} and the stamps of every file looked at to {@code stampsFile}. A
   * failure records nothing, so that the next build generates again.
   *
   * <p>The generation reads each input once, through {@code hashes} ({@link FileHashes#read}), and
   * the state records the hash of the bytes it parsed: an input edited meanwhile is seen as changed
   * by the next build. An input the generation did not read (a second type-name lock) is hashed as
   * it is afterwards.
   *
   * @param tool the generating tool's identity ({@link GenerationState#tool})
   * @param inputs the request's inputs ({@link GenerationRequest#inputs}), listed before the
   *     generation lists the folder itself, so that a file added meanwhile is not recorded as read
   * @throws RuntimeException as {@link Generator#generate}; {@link FailureKind#of} says what it means
   */
  public static void run(GenerationRequest request, String tool, List<Path> inputs, FileHashes hashes, Path stateFile,
      Path stampsFile, BuildLog log) {
    GenerationResult result = Generator.generate(request, hashes);
    result.warnings().forEach(log::warn);
    log.info("Rate limits: " + result.rateLimitsOrigin());
    logNotes(result.notes(), log);
    log.info(result.summary() + " (" + result.filesWritten() + " written, " + result.filesUnchanged()
        + " unchanged, " + result.filesDeleted() + " deleted; " + result.filesRendered() + " rendered, "
        + result.filesReused() + " reused)");
    GenerationState.recordRun(tool, request, inputs, hashes, stateFile, stampsFile);
  }

  private static void logNotes(List<String> notes, BuildLog log) {
    notes.stream().limit(NOTES_SHOWN).forEach(log::info);
    if (notes.size() > NOTES_SHOWN) {
      log.info("... and " + (notes.size() - NOTES_SHOWN) + " more notes (run with -X to see them all)");
      notes.stream().skip(NOTES_SHOWN).forEach(log::debug);
    }
  }
}
