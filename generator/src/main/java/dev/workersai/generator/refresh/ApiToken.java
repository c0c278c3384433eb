package dev.workersai.generator.refresh;

import java.util.Objects;

/**
 * A Cloudflare API token, kept out of every string form: {@link #toString()} never shows it, and
 * the refresh code only ever places it in the {@code Authorization} header.
 *
 * <pre>{@code
 * ApiToken token = ApiToken.of(System.getenv("CLOUDFLARE_API_TOKEN"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiToken {
  private final String value;

  private ApiToken(String value) {
    this.value = value;
  }

  /**
   * Wraps a token.
   *
   * @throws IllegalArgumentException when {@code value} is null or blank (the message does not echo it)
   */
  public static ApiToken of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the API token is empty");
    }
    return new ApiToken(value.strip());
  }

  /** The secret itself; package-private so only the HTTP layer can read it. */
  String secret() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiToken token && token.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return "ApiToken[redacted]";
  }
}
