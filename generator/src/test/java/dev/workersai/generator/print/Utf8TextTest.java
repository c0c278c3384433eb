package dev.workersai.generator.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8Text} against a {@code StringBuilder} given the same appends and inserts, then encoded by the JDK. */
class Utf8TextTest {
  /** ASCII, Latin-1, other BMP characters, both halves of a surrogate pair, and the edges of each encoding length. */
  private static final char[] CHARACTERS = {'a', ' ', '\n', '\u007f', '\u0080', '\u00e9', '\u07ff', '\u0800', '\u2615',
      '\ud7ff', '\ud83d', '\ude00', '\udbff', '\udfff', '\ue000', '\uffff'};

  @Test
  void encodesAsTheJdkDoesPairsAndLoneSurrogatesIncluded() {
    Random random = new Random(11);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder expected = new StringBuilder();
      Utf8Text text = new Utf8Text();
      if (round % 2 == 1) {
        text.append("text of a file before, to be cleared \ud83d");
        text.clear();
      }
      // Byte offset in text, character offset in expected: where the previous appends ended.
      List<int[]> offsets = new ArrayList<>();
      // Inserts do not count: Lines asks for the last character only when text was appended behind the insert.
      char lastAppended = 0;
      for (int op = random.nextInt(12); op >= 0; op--) {
        switch (random.nextInt(4)) {
          case 0 -> {
            char c = CHARACTERS[random.nextInt(CHARACTERS.length)];
            expected.append(c);
            text.append(c);
            lastAppended = c;
          }
          case 1, 2 -> {
            String s = randomText(random);
            int start = random.nextInt(s.length() + 1);
            int end = start + random.nextInt(s.length() - start + 1);
            expected.append(s, start, end);
            text.append(s, start, end);
            lastAppended = end > start ? s.charAt(end - 1) : lastAppended;
          }
          default -> {
            if (!offsets.isEmpty()) {
              int[] at = offsets.get(random.nextInt(offsets.size()));
              String wrap = random.nextBoolean() ? " " : "\n    ";
              expected.insert(at[1], wrap);
              text.insert(at[0], wrap);
              offsets.clear();
            }
          }
        }
        offsets.add(new int[] {text.length(), expected.length()});
      }
      byte[] jdk = expected.toString().getBytes(StandardCharsets.UTF_8);
      assertThat(text.utf8()).as("round %d: %s", round, expected).isEqualTo(jdk);
      assertThat(text.lastChar()).isEqualTo(lastAppended);
    }
  }

  @Test
  void growsPastItsFirstArrayAndKeepsItWhenCleared() {
    Utf8Text text = new Utf8Text();
    String line = "\u00e9\u2615 ascii \ud83d\ude00 ".repeat(1_000);
    text.append(line);
    text.append(line);
    assertThat(text.utf8()).isEqualTo((line + line).getBytes(StandardCharsets.UTF_8));
    int capacity = text.capacity();
    assertThat(capacity).isGreaterThan(8192);
    text.clear();
    text.append("x");
    assertThat(text.utf8()).containsExactly('x');
    assertThat(text.capacity()).isEqualTo(capacity);
  }

  private static String randomText(Random random) {
    char[] chars = new char[random.nextInt(40)];
    for (int i = 0; i < chars.length; i++) {
      // Mostly ASCII, as generated sources are.
      chars[i] = random.nextInt(3) == 0 ? CHARACTERS[random.nextInt(CHARACTERS.length)] : (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }
}
