package dev.workersai.runtime.internal;

/**
 * Removes secrets from text before it becomes part of an exception message: a server or proxy that
 * echoes the request's {@code Authorization} header must not leak the token into logs.
 */
public final class Redactor {
  private final String[] secrets;

  /** A redactor for the given secrets; null or short (under 8 chars) entries are ignored. */
  public Redactor(String... secrets) {
    this.secrets = java.util.Arrays.stream(secrets).filter(s -> s != null && s.length() >= 8).toArray(String[]::new);
  }

  /** {@code text} with each secret replaced by {@code ***}. */
  public String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
