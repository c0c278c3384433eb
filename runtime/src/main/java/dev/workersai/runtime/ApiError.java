package dev.workersai.runtime;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One item of the {@code errors} array of a Workers AI response envelope. Immutable.
 *
 * <p>The code is read leniently, because sources disagree on its type: an int, a numeric string, or
 * (when both are absent) a {@code "3040: ..."} prefix of the message.
 */
public final class ApiError implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Integer code;
  private final String message;

  /**
   * An error item.
   *
   * @param code the Cloudflare error code, or null when the server sent none
   * @param message the message as sent; empty when absent, never null
   */
  public ApiError(Integer code, String message) {
    this.code = code;
    this.message = Objects.requireNonNull(message, "message");
  }

  /** The Cloudflare error code, such as {@code 3040}, when one was sent. */
  public OptionalInt code() {
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  /** The message as sent; empty when absent. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiError other && Objects.equals(code, other.code) && message.equals(other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, message);
  }

  /** {@code "3040: Capacity temporarily exceeded"}, or the message alone when there is no code. */
  @Override
  public String toString() {
    return code != null ? code + ": " + message : message;
  }
}
