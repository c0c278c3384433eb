package dev.workersai.runtime.observe;

import dev.workersai.runtime.model.ModelDescriptor;

/**
 * Hears of every call a {@code WorkersAi} client makes. Called on the calling thread (for async
 * calls, the executor's thread), once per call, after the input was validated and before anything
 * is sent. Implementations must be thread-safe and quick, and should not throw: what they throw
 * reaches the caller.
 */
@FunctionalInterface
public interface CallListener {
  /** A listener that observes nothing, the client's default. */
  CallListener NONE = (model, kind) -> CallObserver.NONE;

  /**
   * A call to {@code model} is about to be sent.
   *
   * @return the observer of this one call (it hears of its waits, retries and end)
   */
  CallObserver callStarted(ModelDescriptor model, CallKind kind);
}
