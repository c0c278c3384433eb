package dev.workersai.spring;

import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.observe.CallListener;
import java.util.function.Function;

/** Turns the properties into a client; every missing required setting is named with its property. */
final class ClientFactory {
  private ClientFactory() {}

  static WorkersAi create(WorkersAiProperties p, Function<String, String> env, RateLimiter rateLimiter,
      CallListener listener) {
    WorkersAi.Builder b = WorkersAi.builder()
        .accountId(required(p.getAccountId(), "workers-ai.account-id", "CLOUDFLARE_ACCOUNT_ID", env))
        .apiToken(required(p.getApiToken(), "workers-ai.api-token", "CLOUDFLARE_API_TOKEN", env));
    if (p.getBaseUrl() != null) {
      b.baseUrl(p.getBaseUrl());
    }
    if (p.getGatewayBaseUrl() != null) {
      b.gatewayBaseUrl(p.getGatewayBaseUrl());
    }
    if (p.getConnectTimeout() != null) {
      b.connectTimeout(p.getConnectTimeout());
    }
    if (p.getReadTimeout() != null) {
      b.readTimeout(p.getReadTimeout());
    }
    if (p.getWriteTimeout() != null) {
      b.writeTimeout(p.getWriteTimeout());
    }
    if (p.getCallTimeout() != null) {
      b.callTimeout(p.getCallTimeout());
    }
    if (p.getMaxRetries() != null) {
      b.maxRetries(p.getMaxRetries());
    }
    WorkersAiProperties.RateLimit limit = p.getRateLimit();
    if (limit.getMaxWait() != null) {
      b.maxRateLimitWait(limit.getMaxWait());
    }
    if (!limit.isEnabled()) {
      b.rateLimiting(false);
    } else if (rateLimiter != null) {
      b.rateLimiter(rateLimiter);
    } else if (limit.getBurstAboveLimit() != null) {
      b.rateLimitBurstAboveLimit(limit.getBurstAboveLimit());
    }
    if (listener != null) {
      b.callListener(listener);
    }
    WorkersAi client = b.build();
    return p.getGateway() != null && !p.getGateway().isBlank() ? client.gateway(p.getGateway()) : client;
  }

  private static String required(String value, String property, String variable, Function<String, String> env) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    String fromEnv = env.apply(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    throw new IllegalStateException(property + " is not set (nor the environment variable " + variable
        + "); the Workers AI client needs it");
  }
}
