package dev.workersai.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every exception the runtime throws. Messages name the model and what went wrong and
 * never contain the API token.
 *
 * <p>Failures that came from the API carry what the response said: {@link #httpStatus()}, the
 * Cloudflare {@link #errors()} (code and message), the model id and the {@code cf-ray} id. Use
 * {@link #isRetryable()} to decide whether trying again later can help; the client already retried
 * retryable failures as its {@link RetryPolicy} allowed, and attached the earlier failures as
 * {@linkplain #getSuppressed() suppressed} exceptions.
 */
public class WorkersAiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final ApiError[] errors;
  private final String modelId;
  private final String rayId;

  /** An exception with no response details. */
  public WorkersAiException(String message) {
    this(message, null, Details.NONE);
  }

  /** An exception with a cause and no response details. */
  public WorkersAiException(String message, Throwable cause) {
    this(message, cause, Details.NONE);
  }

  /** An exception with the details of a failed call; {@code cause} may be null. */
  public WorkersAiException(String message, Throwable cause, Details details) {
    super(message, cause);
    Objects.requireNonNull(details, "details");
    this.httpStatus = details.httpStatus();
    this.errors = details.errors().toArray(new ApiError[0]);
    this.modelId = details.modelId();
    this.rayId = details.rayId();
  }

  /** The HTTP status of the response that failed, or {@code 0} when there was no response. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code errors} of the response envelope, in order; empty when there were none. */
  public List<ApiError> errors() {
    return List.of(errors);
  }

  /** The first Cloudflare error code, if any error carried one. */
  public Optional<Integer> errorCode() {
    return Arrays.stream(errors).filter(e -> e.code().isPresent()).map(e -> e.code().getAsInt()).findFirst();
  }

  /** The model the call was for, when known. */
  public Optional<String> modelId() {
    return Optional.ofNullable(modelId);
  }

  /** The {@code cf-ray} header of the failed response (Cloudflare's request id), when present. */
  public Optional<String> rayId() {
    return Optional.ofNullable(rayId);
  }

  /** Whether the same request may succeed if sent again after a pause. */
  public boolean isRetryable() {
    return false;
  }

  /**
   * What a failed call is known to have said about itself.
   *
   * @param httpStatus the HTTP status, {@code 0} when there was no response
   * @param errors the envelope's {@code errors}
   * @param modelId the model id, or null
   * @param rayId the {@code cf-ray} header, or null
   */
  public record Details(int httpStatus, List<ApiError> errors, String modelId, String rayId) {
    /** No response, no model: for failures before anything was sent. */
    public static final Details NONE = new Details(0, List.of(), null, null);

    public Details {
      errors = List.copyOf(errors);
    }

    /** Details of a call for {@code modelId} that got no response. */
    public static Details forModel(String modelId) {
      return new Details(0, List.of(), modelId, null);
    }
  }
}
