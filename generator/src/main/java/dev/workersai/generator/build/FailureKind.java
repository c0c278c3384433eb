package dev.workersai.generator.build;

import dev.workersai.catalog.CatalogException;
import java.io.UncheckedIOException;

/**
 * Why a generation failed, as a build tool reports it: the user's input (a bad catalog or request:
 * fix it and rerun), the file system, or a bug. One classification for the in-process and the
 * forked run, so that both fail the same way.
 */
public enum FailureKind {
  /** A bad catalog file (the message names file and JSON pointer) or request (glob, package name). */
  BAD_INPUT,
  /** The output, state or stamps could not be read or written. */
  IO,
  /** Anything else: a bug. */
  INTERNAL;

  /** The kind of {@code failure} thrown by {@link IncrementalGeneration#run}. */
  public static FailureKind of(RuntimeException failure) {
    if (failure instanceof CatalogException || failure instanceof IllegalArgumentException) {
      return BAD_INPUT;
    }
    return failure instanceof UncheckedIOException ? IO : INTERNAL;
  }
}
