package dev.workersai.spring.ai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.workersai.runtime.CallOptions;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.RequestPayload;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.model.ModelDescriptor;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;

/**
 * A Spring AI {@link ImageModel} for a text-to-image model: sends {@code {"prompt": ..}} (the
 * messages' texts joined) and returns the image as base64, whether the model answers raw bytes
 * (stable diffusion) or JSON with a base64 {@code image} (flux). Image options are not passed on.
 */
public final class WorkersAiImageModel implements ImageModel {
  private final WorkersAi ai;
  private final ModelDescriptor model;

  public WorkersAiImageModel(WorkersAi ai, ModelDescriptor model) {
    this.ai = Objects.requireNonNull(ai, "ai");
    this.model = Objects.requireNonNull(model, "model");
  }

  @Override
  public ImageResponse call(ImagePrompt request) {
    String prompt = request.getInstructions().stream().map(ImageMessage::getText).collect(Collectors.joining("\n"));
    ModelResponse answer = ai.run(model, RequestPayload.json(Map.of("prompt", prompt)), CallOptions.defaults());
    return new ImageResponse(List.of(new ImageGeneration(new Image(null, base64(answer)))));
  }

  private String base64(ModelResponse answer) {
    if (!answer.isJson()) {
      return Base64.getEncoder().encodeToString(answer.binary().bytes());
    }
    JsonNode image = answer.result().path("image");
    if (!image.isTextual()) {
      throw new InvalidResponseException("model " + model.id() + " answered without an image", null,
          WorkersAiException.Details.forModel(model.id()));
    }
    return image.textValue();
  }

  @Override
  public String toString() {
    return "WorkersAiImageModel[" + model.id() + "]";
  }
}
