package com.example.ai;

import dev.workersai.models.baai.BgeBaseEnV1_5;
import dev.workersai.models.meta.Llama3_1_8bInstruct;
import dev.workersai.models.shared.Message;
import dev.workersai.models.shared.Text;
import dev.workersai.models.stabilityai.StableDiffusionXlBase1_0;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Chat, streamed; an embedding; an image saved to a file. Run with {@code mvn exec:java@app}. */
public final class App {
  private final WorkersAi ai;

  public App(WorkersAi ai) {
    this.ai = ai;
  }

  /** Reads CLOUDFLARE_ACCOUNT_ID, CLOUDFLARE_API_TOKEN and, for the emulator, WORKERS_AI_BASE_URL. */
  public static void main(String[] args) throws IOException {
    App app = new App(WorkersAi.fromEnv());
    System.out.println("chat: " + app.chat("What is Cloudflare?"));
    System.out.println("embedding: " + app.embed(List.of("Hello", "World")).get(0).size() + " dimensions");
    Path image = app.draw("a lighthouse at dawn", Path.of("target", "lighthouse.png"));
    System.out.println("image: " + Files.size(image) + " bytes in " + image);
  }

  /** Streams an answer token by token, printing it, and returns it whole. */
  public String chat(String question) {
    var input = Llama3_1_8bInstruct.Input.Messages.builder()
        .addMessage(new Message("user", question))
        .maxTokens(200)
        .build();
    StringBuilder answer = new StringBuilder();
    try (ChunkStream<StreamChunk> chunks = Llama3_1_8bInstruct.on(ai).stream(input)) {
      chunks.forEach(chunk -> answer.append(chunk.response()));
    }
    return answer.toString();
  }

  /** One vector per text. */
  public List<List<Double>> embed(List<String> texts) {
    return BgeBaseEnV1_5.on(ai).run(BgeBaseEnV1_5.Input.of(Text.of(texts))).data();
  }

  /** Saves a generated image to {@code file}. */
  public Path draw(String prompt, Path file) throws IOException {
    BinaryOutput png = StableDiffusionXlBase1_0.on(ai).run(StableDiffusionXlBase1_0.Input.builder().prompt(prompt).build());
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, png.bytes());
  }
}
