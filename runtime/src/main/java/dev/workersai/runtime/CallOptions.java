package dev.workersai.runtime;

/**
 * Per-call settings that override the client's. Immutable; {@code with...} methods return copies.
 * {@link #defaults()} changes nothing.
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS = new CallOptions();

  private CallOptions() {}

  public static CallOptions defaults() {
    return DEFAULTS;
  }
}
