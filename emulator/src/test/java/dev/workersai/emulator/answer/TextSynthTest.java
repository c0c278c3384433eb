package dev.workersai.emulator.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSynthTest {
  @Test
  void echoesTheFirstTwelveWordsAndCountsThemAll() {
    String prompt = "  one two\tthree\nfour five six seven eight nine ten eleven twelve thirteen fourteen ";

    assertThat(TextSynth.reply("@cf/m", prompt))
        .isEqualTo("Emulated answer from @cf/m to: one two three four five six seven eight nine ten eleven twelve");
    assertThat(TextSynth.tokens(prompt)).isEqualTo(14);
  }

  @Test
  void blankTextIsOneTokenAndEchoesNothing() {
    assertThat(TextSynth.reply("@cf/m", " \n ")).isEqualTo("Emulated answer from @cf/m to: ");
    assertThat(TextSynth.tokens("")).isEqualTo(1);
  }

  @Test
  void aMegabytePromptIsCountedWordByWord() {
    String prompt = "a ".repeat(1 << 20);

    assertThat(TextSynth.tokens(prompt)).isEqualTo(1 << 20);
    assertThat(TextSynth.reply("@cf/m", prompt)).endsWith("to: a a a a a a a a a a a a");
  }
}
