package dev.workersai.runtime.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it becomes part of an exception message, and from the causes such
 * an exception carries. A server or proxy may echo the request's {@code Authorization} header in
 * anything it sends back (an error body, an event-stream frame, a body that is not JSON), and every
 * message the runtime builds from server bytes goes through one instance of this class, so the
 * token never reaches a log.
 *
 * <p>Replaced with {@value #MASK}: each secret; any run of at least {@value #MIN_FRAGMENT} characters
 * of it (a message that quotes a shortened body may cut the token anywhere); and any
 * {@code Bearer <credential>} shape, whatever the credential.
 */
public final class Redactor {
  /** What a secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  /**
   * The shortest secret, and the shortest part of one, that is replaced. Shorter pieces are too
   * likely to be ordinary text; an API token is 40 characters.
   */
  static final int MIN_FRAGMENT = 8;

  /**
   * RFC 6750's {@code b64token} after the case-insensitive scheme name; at least {@value
   * #MIN_FRAGMENT} characters, so that prose ("a bearer of news") is left alone.
   */
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9\\-._~+/]{8,}=*");

  private static final Redactor NONE = new Redactor();

  /** Each secret's distinct {@value #MIN_FRAGMENT}-character pieces, the alphabet of any fragment. */
  private final List<String[]> pieces;

  /** A redactor for the given secrets; null entries and entries under {@value #MIN_FRAGMENT} characters are ignored. */
  public Redactor(String... secrets) {
    this.pieces = new ArrayList<>();
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_FRAGMENT) {
        String[] grams = new String[secret.length() - MIN_FRAGMENT + 1];
        for (int i = 0; i < grams.length; i++) {
          grams[i] = secret.substring(i, i + MIN_FRAGMENT);
        }
        pieces.add(Arrays.stream(grams).distinct().toArray(String[]::new));
      }
    }
  }

  /** A redactor that knows no secret and masks only {@code Bearer} credentials (transports without a token). */
  public static Redactor none() {
    return NONE;
  }

  /** {@code text} with secrets, their fragments and bearer credentials replaced by {@value #MASK}; null stays null. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = maskFragments(text);
    return BEARER.matcher(out).replaceAll("$1 " + MASK);
  }

  /**
   * A throwable safe to attach as a cause: {@code t} itself when no message in its cause chain needs
   * redacting (the usual case, which keeps its type), otherwise a {@link RedactedException} copy with
   * the same stack trace whose messages are redacted.
   */
  public Throwable redactCause(Throwable t) {
    if (t == null || isClean(t)) {
      return t;
    }
    return copy(t);
  }

  private boolean isClean(Throwable t) {
    for (Throwable at = t; at != null; at = at.getCause() == at ? null : at.getCause()) {
      String message = at.getMessage();
      if (message != null && !message.equals(redact(message))) {
        return false;
      }
      for (Throwable suppressed : at.getSuppressed()) {
        if (!isClean(suppressed)) {
          return false;
        }
      }
    }
    return true;
  }

  private Throwable copy(Throwable t) {
    RedactedException copy = new RedactedException(t.getClass().getName(), redact(t.getMessage()));
    copy.setStackTrace(t.getStackTrace());
    Throwable cause = t.getCause();
    if (cause != null && cause != t) {
      copy.initCause(redactCause(cause));
    }
    for (Throwable suppressed : t.getSuppressed()) {
      copy.addSuppressed(redactCause(suppressed));
    }
    return copy;
  }

  /** Replaces every stretch of text covered by pieces of a secret, whole secrets included, with one mask. */
  private String maskFragments(String text) {
    if (pieces.isEmpty() || text.length() < MIN_FRAGMENT) {
      return text;
    }
    boolean[] covered = null;
    for (String[] grams : pieces) {
      for (String gram : grams) {
        for (int at = text.indexOf(gram); at >= 0; at = text.indexOf(gram, at + 1)) {
          if (covered == null) {
            covered = new boolean[text.length()];
          }
          Arrays.fill(covered, at, at + MIN_FRAGMENT, true);
        }
      }
    }
    if (covered == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!covered[i]) {
        out.append(text.charAt(i));
      } else if (i == 0 || !covered[i - 1]) {
        out.append(MASK);
      }
    }
    return out.toString();
  }

  /**
   * Stands in for a cause whose message held a secret: it names the original type in its message
   * (its own type cannot be the original's) and keeps the original stack trace.
   */
  public static final class RedactedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String originalType;

    RedactedException(String originalType, String redactedMessage) {
      super(originalType + (redactedMessage == null ? "" : ": " + redactedMessage));
      this.originalType = Objects.requireNonNull(originalType, "originalType");
    }

    /** The fully qualified class name of the throwable this replaces. */
    public String originalType() {
      return originalType;
    }
  }
}
