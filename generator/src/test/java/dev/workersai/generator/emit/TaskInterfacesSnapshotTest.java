package dev.workersai.generator.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.generator.GenerationRequest;
import dev.workersai.generator.Generator;
import dev.workersai.generator.write.SourceFile;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which models of the bundled snapshot ({@code model-schemas/}) implement each task interface. The
 * decision is made from each schema; these sets are what the snapshot's schemas fit today, so a
 * change to {@link TaskShapes} that drops or adds a model shows here.
 */
class TaskInterfacesSnapshotTest {
  private static final Path SNAPSHOT = Paths.get("..", "model-schemas");
  private static final Pattern CLASS = Pattern.compile("^public final class \\w+ implements ([\\w, ]+) \\{", Pattern.MULTILINE);
  private static final Pattern MODEL_ID = Pattern.compile("MODEL_ID = \"([^\"]+)\"");

  private static List<SourceFile> files;

  @BeforeAll
  static void render() {
    files = Generator.render(GenerationRequest.of(SNAPSHOT, Paths.get("unused"))).files();
  }

  @Test
  void rerankersAreTheModelsTakingAQueryAndContexts() {
    assertThat(implementing("RerankingModel")).containsExactly("@cf/baai/bge-m3");
  }

  @Test
  void textToImageModelsTakeAPromptAndAnswerAnImageBinaryOrBase64() {
    // img2img and inpainting list their image as optional, so their schema fits the prompt-only call.
    assertThat(implementing("TextToImageModel")).containsExactly(
        "@cf/black-forest-labs/flux-1-schnell", "@cf/bytedance/stable-diffusion-xl-lightning",
        "@cf/leonardo/lucid-origin", "@cf/leonardo/phoenix-1.0", "@cf/lykon/dreamshaper-8-lcm",
        "@cf/runwayml/stable-diffusion-v1-5-img2img", "@cf/runwayml/stable-diffusion-v1-5-inpainting",
        "@cf/stabilityai/stable-diffusion-xl-base-1.0");
  }

  @Test
  void speechToTextModelsTakeAudioInJsonOrAsTheBody() {
    // deepgram/flux takes a multipart body the schema does not list: it does not fit.
    assertThat(implementing("SpeechToTextModel")).containsExactly(
        "@cf/deepgram/nova-3", "@cf/openai/whisper", "@cf/openai/whisper-large-v3-turbo");
  }

  @Test
  void textToSpeechModelsTakeTextOrAPromptAndAnswerAudio() {
    assertThat(implementing("TextToSpeechModel")).containsExactly(
        "@cf/deepgram/aura-1", "@cf/deepgram/aura-2-en", "@cf/myshell-ai/melotts");
  }

  @Test
  void translationModelsTakeTextAndLanguages() {
    assertThat(implementing("TranslationModel")).containsExactly("@cf/meta/m2m100-1.2b");
  }

  @Test
  void everyTextGenerationModelOfTheSnapshotAlsoChats() {
    Set<String> chat = implementing("ChatCompletionModel");
    assertThat(chat).hasSizeGreaterThan(50).contains("@cf/meta/llama-3.1-8b-instruct", "@cf/openai/gpt-oss-120b");
    assertThat(chat).isEqualTo(implementing("TextGenerationModel"));
    assertThat(chat).doesNotContain("@cf/baai/bge-m3", "@cf/meta/m2m100-1.2b", "@cf/myshell-ai/melotts");
  }

  private static Set<String> implementing(String taskInterface) {
    Set<String> ids = new TreeSet<>();
    for (SourceFile file : files) {
      Matcher cls = CLASS.matcher(file.content());
      if (cls.find() && List.of(cls.group(1).split(",\\s*")).contains(taskInterface)) {
        Matcher id = MODEL_ID.matcher(file.content());
        assertThat(id.find()).as(file.relativePath()).isTrue();
        ids.add(id.group(1));
      }
    }
    return ids;
  }
}
