package dev.workersai.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.Response;
import dev.workersai.runtime.Binary;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.task.TextToImageModel;
import java.util.Objects;

/**
 * A LangChain4j {@link ImageModel} on any Workers AI model whose generated class implements
 * {@link TextToImageModel}: {@code new WorkersAiImageModel(Flux1Schnell.on(ai))}. The image comes
 * back as base64 data with its media type, whether the model answered bytes or base64.
 */
public final class WorkersAiImageModel implements ImageModel {
  private final TextToImageModel model;

  /**
   * An image model.
   *
   * @param model the generated model binding
   */
  public WorkersAiImageModel(TextToImageModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public Response<Image> generate(String prompt) {
    BinaryOutput image = model.generateImage(prompt);
    return Response.from(Image.builder().base64Data(Binary.base64(image.bytes())).mimeType(image.contentType()).build());
  }

  @Override
  public String toString() {
    return "WorkersAiImageModel[" + model.modelId() + "]";
  }
}
