package dev.workersai.runtime;

import dev.workersai.runtime.model.ModelDescriptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The client for the Workers AI REST API. Thread-safe and cheap to share: build one per account and
 * reuse it. Generated model classes call it; it can also be used directly.
 */
public final class WorkersAi {

  /** The public REST API base, to which {@code /accounts/{account}/ai/run/{model}} is appended. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";

  private WorkersAi() {}

  /** A builder; account id and API token are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client from {@code CLOUDFLARE_ACCOUNT_ID} and {@code CLOUDFLARE_API_TOKEN}. */
  public static WorkersAi fromEnv() {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Builds a {@link WorkersAi}. */
  public static final class Builder {
    private Builder() {}

    public Builder accountId(String accountId) {
      return this;
    }

    public Builder apiToken(String apiToken) {
      return this;
    }

    /** Replaces {@link #DEFAULT_BASE_URL}, for tests, proxies and the local emulator. */
    public Builder baseUrl(String baseUrl) {
      return this;
    }

    public WorkersAi build() {
      return new WorkersAi();
    }
  }

  /** Runs a model and reads its whole answer. */
  public ModelResponse run(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** {@link #run} without blocking the caller. */
  public CompletableFuture<ModelResponse> runAsync(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Runs a model with {@code "stream": true} and returns its chunks as they arrive. */
  public ChunkStream<StreamChunk> stream(ModelDescriptor model, RequestPayload payload, CallOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Submits inputs as one batch ({@code queueRequest=true}); only for models whose descriptor allows it. */
  public BatchJob submitBatch(ModelDescriptor model, List<? extends ModelInput> inputs, CallOptions options) {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
