package dev.workersai.generator.refresh;

/**
 * Takes the API token out of text that came from the server. A proxy or a misconfigured API may echo
 * the {@code Authorization} header into an error message or a body; every log line, warning and
 * exception message of a refresh passes through here before anyone sees it.
 *
 * <p>Any run of at least {@value #MIN_RUN} characters that is part of the token is replaced by
 * {@value #MASK}, so that a token cut short by an abbreviation (or only its start) does not leak
 * either. A token shorter than that is masked where it appears whole. Immutable and thread-safe.
 */
final class Redactor {
  /** The shortest piece of the token that is masked: shorter common runs are ordinary text. */
  static final int MIN_RUN = 8;
  static final String MASK = "[redacted]";

  private final String secret;
  private final int minRun;

  Redactor(ApiToken token) {
    this.secret = token.secret();
    this.minRun = Math.min(MIN_RUN, secret.length());
  }

  /** The text with every piece of the token masked; null stays null. */
  String redact(String text) {
    if (text == null || text.length() < minRun) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int i = 0; i <= text.length() - minRun; ) {
      int run = longestRunAt(text, i);
      if (run >= minRun) {
        out = out == null ? new StringBuilder(text.length()) : out;
        out.append(text, copied, i).append(MASK);
        i += run;
        copied = i;
      } else {
        i++;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** Whether the text holds a piece of the token that {@link #redact} would mask. */
  boolean leaks(String text) {
    return text != null && !redact(text).equals(text);
  }

  /**
   * Whether the text holds the whole token: the cheap check for large texts (snapshot files), where
   * an 8-character coincidence with a random token is not worth refusing a refresh over.
   */
  boolean holdsWholeToken(String text) {
    return text.contains(secret);
  }

  /**
   * The exception itself when no message in its chain leaks the token; otherwise a
   * {@link RefreshException} with the masked message and no cause (a cause could carry the token in
   * its own message or in a suppressed exception).
   */
  RuntimeException scrub(RuntimeException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (leaks(t.getMessage()) || leaks(String.valueOf(t)) || suppressedLeak(t)) {
        return new RefreshException(redact(String.valueOf(failure.getMessage())));
      }
    }
    return failure;
  }

  private boolean suppressedLeak(Throwable t) {
    for (Throwable suppressed : t.getSuppressed()) {
      if (leaks(String.valueOf(suppressed))) {
        return true;
      }
    }
    return false;
  }

  /** The length of the longest stretch of the token that {@code text} holds from {@code start} on. */
  private int longestRunAt(String text, int start) {
    int best = 0;
    for (int j = secret.indexOf(text.charAt(start)); j >= 0; j = secret.indexOf(text.charAt(start), j + 1)) {
      int n = 0;
      while (start + n < text.length() && j + n < secret.length() && text.charAt(start + n) == secret.charAt(j + n)) {
        n++;
      }
      best = Math.max(best, n);
    }
    return best;
  }
}
