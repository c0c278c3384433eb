package dev.workersai.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.emulator.WorkersAiEmulator;
import dev.workersai.emulator.junit.WorkersAiEmulatorExtension;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Spring Boot application, configured by properties only, chatting, embedding and drawing on the emulator. */
class SpringBootAppEmulatorTest {
  @RegisterExtension
  static final WorkersAiEmulatorExtension AI = new WorkersAiEmulatorExtension();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  private ConfigurableApplicationContext app;

  @BeforeEach
  void startApp() {
    WorkersAiEmulator emulator = AI.emulator();
    app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
        "workers-ai.account-id=" + emulator.accountId(),
        "workers-ai.api-token=" + emulator.token(),
        "workers-ai.base-url=" + emulator.baseUrl(),
        "workers-ai.chat.model=@cf/meta/llama-3.1-8b-instruct",
        "workers-ai.embedding.model=@cf/baai/bge-base-en-v1.5",
        "workers-ai.embedding.dimensions=768",
        "workers-ai.image.model=@cf/stabilityai/stable-diffusion-xl-base-1.0").run();
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  @Test
  void chatsStreamed() {
    List<ChatResponse> chunks = app.getBean(ChatModel.class).stream(new Prompt("Where is the Eiffel Tower?"))
        .collectList().block();

    assertThat(chunks).hasSizeGreaterThan(1); // one per word: really streamed, not one whole answer
    String text = chunks.stream().map(c -> c.getResult().getOutput().getText()).reduce("", String::concat);
    assertThat(text).contains("@cf/meta/llama-3.1-8b-instruct");
    assertThat(AI.emulator().requestLog().runCount("@cf/meta/llama-3.1-8b-instruct")).isEqualTo(1);
  }

  @Test
  void chatsWhole() {
    String answer = app.getBean(ChatModel.class).call("Where is the Eiffel Tower?");

    assertThat(answer).startsWith("Emulated answer from @cf/meta/llama-3.1-8b-instruct");
  }

  @Test
  void embeds() {
    EmbeddingModel embeddings = app.getBean(EmbeddingModel.class);

    List<float[]> vectors = embeddings.embed(List.of("a cat", "a dog"));

    assertThat(vectors).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(768));
    assertThat(embeddings.dimensions()).isEqualTo(768);
  }

  @Test
  void generatesAnImage() {
    String b64 = app.getBean(ImageModel.class).call(new ImagePrompt("a lighthouse at dusk")).getResult().getOutput()
        .getB64Json();

    byte[] png = Base64.getDecoder().decode(b64);
    assertThat(png).startsWith(0x89, 'P', 'N', 'G');
  }
}
