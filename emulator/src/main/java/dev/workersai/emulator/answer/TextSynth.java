package dev.workersai.emulator.answer;

import java.util.Arrays;

/** Deterministic text that depends on the input: the same request always gets the same words. */
final class TextSynth {
  private static final int ECHOED_WORDS = 12;

  private TextSynth() {}

  /** The answer text for {@code subject} from {@code modelId}. */
  static String reply(String modelId, String subject) {
    String[] words = words(subject);
    String echoed = String.join(" ", Arrays.copyOf(words, Math.min(words.length, ECHOED_WORDS)));
    return "Emulated answer from " + modelId + " to: " + echoed;
  }

  /** A rough token count: whitespace-separated words, at least 1. */
  static int tokens(String text) {
    return Math.max(1, words(text).length);
  }

  /** {@code text} split into stream pieces: each word with the space that precedes it. */
  static String[] pieces(String text) {
    String[] words = words(text);
    for (int i = 1; i < words.length; i++) {
      words[i] = " " + words[i];
    }
    return words;
  }

  private static String[] words(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }
}
