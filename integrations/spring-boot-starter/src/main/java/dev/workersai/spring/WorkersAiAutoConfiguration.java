package dev.workersai.spring;

import dev.workersai.opentelemetry.WorkersAiTelemetry;
import dev.workersai.redis.RedisRateLimiter;
import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.observe.CallListener;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A {@link WorkersAi} client from {@code workers-ai.*} properties. A {@link RateLimiter} or
 * {@link CallListener} bean, yours or the ones below, is handed to the client. The client keeps its
 * own Jackson mapper: Spring's {@code ObjectMapper} settings never change how Workers AI JSON is read.
 */
@AutoConfiguration
@ConditionalOnClass(WorkersAi.class)
@EnableConfigurationProperties(WorkersAiProperties.class)
public class WorkersAiAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public WorkersAi workersAi(WorkersAiProperties properties, Environment environment,
      ObjectProvider<RateLimiter> rateLimiter, ObjectProvider<CallListener> callListener) {
    return ClientFactory.create(properties, environment::getProperty, rateLimiter.getIfUnique(),
        callListener.getIfUnique());
  }

  /** Spans and metrics for every call when the application has an {@link OpenTelemetry} bean. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({OpenTelemetry.class, WorkersAiTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  static class Telemetry {
    @Bean
    @ConditionalOnMissingBean(CallListener.class)
    WorkersAiTelemetry workersAiTelemetry(OpenTelemetry openTelemetry) {
      return WorkersAiTelemetry.create(openTelemetry);
    }
  }

  /** One rate limit for all JVMs of the account when {@code workers-ai.rate-limit.redis.uri} is set. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisRateLimiter.class)
  @ConditionalOnProperty(prefix = "workers-ai.rate-limit.redis", name = "uri")
  static class SharedRateLimit {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RateLimiter.class)
    RedisRateLimiter workersAiRedisRateLimiter(WorkersAiProperties properties) {
      WorkersAiProperties.Redis redis = properties.getRateLimit().getRedis();
      RedisRateLimiter.Builder builder = RedisRateLimiter.builder();
      if (redis.getKeyPrefix() != null) {
        builder.keyPrefix(redis.getKeyPrefix());
      }
      return builder.connect(redis.getUri()).build();
    }
  }
}
