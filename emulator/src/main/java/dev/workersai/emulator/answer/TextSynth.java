package dev.workersai.emulator.answer;

/**
 * Deterministic text that depends on the input: the same request always gets the same words.
 * Prompts can be megabytes long, so they are scanned, never split into one string per word.
 */
final class TextSynth {
  private static final int ECHOED_WORDS = 12;

  private TextSynth() {}

  /** The answer text for {@code subject} from {@code modelId}. */
  static String reply(String modelId, String subject) {
    StringBuilder echoed = new StringBuilder();
    int words = 0;
    int i = 0;
    while (words < ECHOED_WORDS && (i = skipSpace(subject, i)) < subject.length()) {
      int end = skipWord(subject, i);
      echoed.append(words++ == 0 ? "" : " ").append(subject, i, end);
      i = end;
    }
    return "Emulated answer from " + modelId + " to: " + echoed;
  }

  /** A rough token count: whitespace-separated words, at least 1. */
  static int tokens(String text) {
    int words = 0;
    int i = 0;
    while ((i = skipSpace(text, i)) < text.length()) {
      words++;
      i = skipWord(text, i);
    }
    return Math.max(1, words);
  }

  /** {@code text} split into stream pieces: each word with the space that precedes it. */
  static String[] pieces(String text) {
    String trimmed = text.trim();
    String[] words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    for (int i = 1; i < words.length; i++) {
      words[i] = " " + words[i];
    }
    return words;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipWord(String text, int from) {
    int i = from;
    while (i < text.length() && !isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The same characters as the regex {@code \s}, which the answers were first defined with. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }
}
