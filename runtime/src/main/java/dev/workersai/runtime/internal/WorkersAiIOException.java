package dev.workersai.runtime.internal;

import dev.workersai.runtime.WorkersAiException;
import java.io.IOException;

/**
 * Carries a {@link WorkersAiException} through OkHttp's interceptor chain, which only lets
 * {@link IOException}s out cleanly; the client unwraps it with {@link #failure()}.
 */
public final class WorkersAiIOException extends IOException {
  private static final long serialVersionUID = 1L;

  public WorkersAiIOException(WorkersAiException failure) {
    super(failure.getMessage(), failure);
  }

  /** The exception to throw to the caller. */
  public WorkersAiException failure() {
    return (WorkersAiException) getCause();
  }
}
