package dev.workersai.examples.quickstart;

import dev.workersai.emulator.WorkersAiEmulator;
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
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Three typed calls to Workers AI: a chat answer streamed token by token, an embedding, and an
 * image saved to a file. With {@code CLOUDFLARE_ACCOUNT_ID} and {@code CLOUDFLARE_API_TOKEN} set it
 * calls the real API; otherwise it starts the local emulator on the bundled catalog snapshot.
 *
 * <p>Arguments: the snapshot folder for the emulator, and the file to save the image to.
 */
public final class Quickstart {
  private Quickstart() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: Quickstart SNAPSHOT_DIR IMAGE_FILE");
      System.exit(2);
    }
    Path snapshot = Path.of(args[0]);
    Path imageFile = Path.of(args[1]);
    PrintStream out = System.out;
    if (System.getenv("CLOUDFLARE_ACCOUNT_ID") != null && System.getenv("CLOUDFLARE_API_TOKEN") != null) {
      out.println("Calling the Workers AI API of account " + System.getenv("CLOUDFLARE_ACCOUNT_ID"));
      run(WorkersAi.fromEnv(), out, imageFile);
    } else {
      runOffline(snapshot, out, imageFile);
    }
  }

  /** Starts the local emulator on {@code snapshot}, runs the three calls against it, stops it. */
  public static Summary runOffline(Path snapshot, PrintStream out, Path imageFile) throws IOException {
    try (WorkersAiEmulator emulator = WorkersAiEmulator.builder().schemas(snapshot).start()) {
      out.println("No CLOUDFLARE_ACCOUNT_ID/CLOUDFLARE_API_TOKEN set: using the local emulator at "
          + emulator.baseUrl() + " (" + emulator.modelIds().size() + " models)");
      Summary summary = run(emulator.client(), out, imageFile);
      out.println();
      out.println("To call the real API instead, set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN"
          + " (a token with Workers AI Read and Edit) and run this again.");
      return summary;
    }
  }

  /** The three calls, through any client. */
  public static Summary run(WorkersAi ai, PrintStream out, Path imageFile) throws IOException {
    out.println();
    out.println("1. Chat, streamed (" + Llama3_1_8bInstruct.MODEL_ID + "):");
    StringBuilder answer = new StringBuilder();
    int chunks = 0;
    Llama3_1_8bInstruct.Input question = Llama3_1_8bInstruct.Input.Messages.builder()
        .addMessage(new Message("user", "What is Cloudflare Workers AI?"))
        .maxTokens(200)
        .build();
    try (ChunkStream<StreamChunk> stream = Llama3_1_8bInstruct.on(ai).stream(question)) {
      for (StreamChunk chunk : stream) {
        out.print(chunk.response());
        out.flush();
        answer.append(chunk.response());
        chunks++;
      }
    }
    out.println();
    out.println("   (" + chunks + " chunks)");

    out.println("2. Embedding (" + BgeBaseEnV1_5.MODEL_ID + "):");
    BgeBaseEnV1_5.Output embedded = BgeBaseEnV1_5.on(ai).run(
        BgeBaseEnV1_5.Input.of(Text.of(List.of("Hello", "World"))));
    List<List<Double>> vectors = embedded.data();
    out.println("   " + vectors.size() + " vectors of " + vectors.get(0).size() + " dimensions");

    out.println("3. Image (" + StableDiffusionXlBase1_0.MODEL_ID + "):");
    BinaryOutput image = StableDiffusionXlBase1_0.on(ai).run(
        StableDiffusionXlBase1_0.Input.builder().prompt("a lighthouse at dawn, watercolour").build());
    Path parent = imageFile.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(imageFile, image.bytes());
    out.println("   " + image.contentType() + ", " + image.bytes().length + " bytes saved to " + imageFile);
    return new Summary(answer.toString(), chunks, vectors.size(), vectors.get(0).size(), image.contentType(), imageFile);
  }

  /**
   * What the three calls returned.
   *
   * @param answer the streamed chat answer, joined
   * @param chunks how many chunks it came in
   * @param vectors how many embedding vectors came back
   * @param dimensions the length of each vector
   * @param imageType the image's content type
   * @param imageFile where the image was saved
   */
  public record Summary(String answer, int chunks, int vectors, int dimensions, String imageType, Path imageFile) {}
}
