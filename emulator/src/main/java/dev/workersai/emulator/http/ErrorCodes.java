package dev.workersai.emulator.http;

/** The Workers AI error codes the emulator answers with (see WIRE.md §4 for their sources). */
final class ErrorCodes {
  /** Bad or missing bearer token (HTTP 401). */
  static final int AUTHENTICATION = 10000;
  /** No route for the URI (HTTP 404). */
  static final int NO_ROUTE = 7000;
  /** Method not allowed on the URI (HTTP 405). */
  static final int METHOD_NOT_ALLOWED = 7001;
  /** Path names another account (HTTP 404), as for a malformed account id. */
  static final int UNKNOWN_ACCOUNT = 7003;
  /** No such model or task (HTTP 400). */
  static final int NO_SUCH_MODEL = 5007;
  /**
   * Input does not match the model's schema (HTTP 400). Workers AI words these as
   * "AiError: Bad input: ..."; the numeric code is not in the published table, so this is a guess.
   */
  static final int BAD_INPUT = 5006;
  /** Request missing headers or body (HTTP 400). */
  static final int MISSING_BODY = 3003;
  /** Request too large (HTTP 413). */
  static final int TOO_LARGE = 3006;
  /** Per-minute rate limit (HTTP 429). */
  static final int RATE_LIMITED = 3021;
  /** The emulator itself failed (HTTP 500); not a Workers AI code. */
  static final int INTERNAL = 5000;
  /** The model has no schema to serve (HTTP 400). */
  static final int SCHEMA_NOT_FOUND = 6002;

  private ErrorCodes() {}
}
