package dev.workersai.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code workers-ai.*} settings. Account id and token may also come from the environment
 * variables {@code CLOUDFLARE_ACCOUNT_ID} and {@code CLOUDFLARE_API_TOKEN}.
 */
@ConfigurationProperties(prefix = "workers-ai")
public class WorkersAiProperties {
  /** The Cloudflare account id; CLOUDFLARE_ACCOUNT_ID when unset. */
  private String accountId;
  /** An API token with Workers AI permissions; CLOUDFLARE_API_TOKEN when unset. Never logged. */
  private String apiToken;
  /** The REST API base (the local emulator's, a proxy's); Cloudflare's by default. */
  private String baseUrl;
  /** The AI Gateway base; Cloudflare's by default. */
  private String gatewayBaseUrl;
  /** An AI Gateway id to route every call through; none by default. */
  private String gateway;
  /** How long opening a connection may take (default 10 s). */
  private Duration connectTimeout;
  /** The longest silence while waiting for response bytes, also between stream chunks (default 120 s). */
  private Duration readTimeout;
  /** The longest stall while sending a request body (default 120 s). */
  private Duration writeTimeout;
  /** The deadline of a whole non-streamed call, retries included (default 10 min). */
  private Duration callTimeout;
  /** Retries after a retryable failure (default 2; 0: never retry). */
  private Integer maxRetries;

  private final RateLimit rateLimit = new RateLimit();
  private final Model chat = new Model();
  private final Model embedding = new Model();
  private final Model image = new Model();

  /** Client-side rate limiting. */
  public static class RateLimit {
    /** Whether calls wait for the client-side limiter (per model, from its published limit). */
    private boolean enabled = true;
    /** How long a call may wait for a permit before failing (default 30 s). */
    private Duration maxWait;
    /** Opt-in: a fraction of the published figure the local limiter may exceed (0.1: 330 for 300). */
    private Double burstAboveLimit;
    private final Redis redis = new Redis();

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getMaxWait() {
      return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
      this.maxWait = maxWait;
    }

    public Double getBurstAboveLimit() {
      return burstAboveLimit;
    }

    public void setBurstAboveLimit(Double burstAboveLimit) {
      this.burstAboveLimit = burstAboveLimit;
    }

    public Redis getRedis() {
      return redis;
    }
  }

  /** A rate limit shared by all JVMs of the account (needs workers-ai-redis-rate-limiter). */
  public static class Redis {
    /** The Redis URI (redis://host:6379); set it to share the limit through Redis. */
    private String uri;
    /** The key prefix of the buckets; include the account id when accounts share a Redis. */
    private String keyPrefix;

    public String getUri() {
      return uri;
    }

    public void setUri(String uri) {
      this.uri = uri;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  /** The model behind a Spring AI model bean. */
  public static class Model {
    /** The model id, such as @cf/meta/llama-3.1-8b-instruct, bound generically; no bean without it or model-class. */
    private String model;
    /** A generated model class to use instead, such as dev.workersai.models.meta.Llama3_1_8bInstruct (chat, embedding). */
    private String modelClass;
    /** The model's published requests per minute, for the client-side limiter; 0: not limited. */
    private int requestsPerMinute;
    /** Embedding models: the vector size, when known (saves a call to find it out). */
    private Integer dimensions;

    public String getModel() {
      return model;
    }

    public void setModel(String model) {
      this.model = model;
    }

    public String getModelClass() {
      return modelClass;
    }

    public void setModelClass(String modelClass) {
      this.modelClass = modelClass;
    }

    public int getRequestsPerMinute() {
      return requestsPerMinute;
    }

    public void setRequestsPerMinute(int requestsPerMinute) {
      this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getDimensions() {
      return dimensions;
    }

    public void setDimensions(Integer dimensions) {
      this.dimensions = dimensions;
    }
  }

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getApiToken() {
    return apiToken;
  }

  public void setApiToken(String apiToken) {
    this.apiToken = apiToken;
  }

  public String getBaseUrl() {
    return baseUrl;
  }

  public void setBaseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public String getGatewayBaseUrl() {
    return gatewayBaseUrl;
  }

  public void setGatewayBaseUrl(String gatewayBaseUrl) {
    this.gatewayBaseUrl = gatewayBaseUrl;
  }

  public String getGateway() {
    return gateway;
  }

  public void setGateway(String gateway) {
    this.gateway = gateway;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public Duration getWriteTimeout() {
    return writeTimeout;
  }

  public void setWriteTimeout(Duration writeTimeout) {
    this.writeTimeout = writeTimeout;
  }

  public Duration getCallTimeout() {
    return callTimeout;
  }

  public void setCallTimeout(Duration callTimeout) {
    this.callTimeout = callTimeout;
  }

  public Integer getMaxRetries() {
    return maxRetries;
  }

  public void setMaxRetries(Integer maxRetries) {
    this.maxRetries = maxRetries;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }

  public Model getChat() {
    return chat;
  }

  public Model getEmbedding() {
    return embedding;
  }

  public Model getImage() {
    return image;
  }

  @Override
  public String toString() {
    return "WorkersAiProperties[accountId=" + accountId + ", apiToken=" + (apiToken == null ? "unset" : "***")
        + ", baseUrl=" + baseUrl + ", gateway=" + gateway + "]";
  }
}
