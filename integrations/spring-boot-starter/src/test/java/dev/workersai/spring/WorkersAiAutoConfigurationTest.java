package dev.workersai.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workersai.opentelemetry.WorkersAiTelemetry;
import dev.workersai.redis.RedisRateLimiter;
import dev.workersai.runtime.RateLimiter;
import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.observe.CallListener;
import dev.workersai.runtime.task.TextGenerationModel;
import dev.workersai.spring.ai.WorkersAiChatModel;
import dev.workersai.spring.ai.WorkersAiSpringAiAutoConfiguration;
import dev.workersai.spring.binding.GenericTextGeneration;
import io.opentelemetry.api.OpenTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.image.ImageModel;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class WorkersAiAutoConfigurationTest {
  private static final String TOKEN = "tok-SECRET-0123456789abcdef";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(WorkersAiAutoConfiguration.class, WorkersAiSpringAiAutoConfiguration.class));

  private ApplicationContextRunner configured() {
    return runner.withPropertyValues("workers-ai.account-id=acc-1", "workers-ai.api-token=" + TOKEN);
  }

  @Test
  void aClientFromThePropertiesWithItsTimeoutsAndGateway() {
    configured().withPropertyValues("workers-ai.read-timeout=7s", "workers-ai.connect-timeout=3s",
        "workers-ai.gateway=my-gw", "workers-ai.base-url=http://127.0.0.1:1/client/v4").run(ctx -> {
          WorkersAi ai = ctx.getBean(WorkersAi.class);
          assertThat(ai.accountId()).isEqualTo("acc-1");
          assertThat(ai.httpClient().readTimeoutMillis()).isEqualTo(7000);
          assertThat(ai.httpClient().connectTimeoutMillis()).isEqualTo(3000);
          assertThat(ai.toString()).contains("gateway=my-gw").doesNotContain(TOKEN);
          assertThat(ctx.getBean(WorkersAiProperties.class).toString()).doesNotContain(TOKEN);
        });
  }

  @Test
  void aMissingTokenFailsNamingTheProperty() {
    runner.withPropertyValues("workers-ai.account-id=acc-1").run(ctx -> assertThat(ctx).getFailure()
        .rootCause().hasMessageContaining("workers-ai.api-token is not set (nor the environment variable "
            + "CLOUDFLARE_API_TOKEN)"));
  }

  @Test
  void theEnvironmentVariablesAreTheFallback() {
    runner.withPropertyValues("CLOUDFLARE_ACCOUNT_ID=acc-env", "CLOUDFLARE_API_TOKEN=" + TOKEN)
        .run(ctx -> assertThat(ctx.getBean(WorkersAi.class).accountId()).isEqualTo("acc-env"));
  }

  @Test
  void aClientOfYourOwnWins() {
    WorkersAi mine = WorkersAi.builder().accountId("mine").apiToken("t").build();
    runner.withBean(WorkersAi.class, () -> mine).run(ctx -> assertThat(ctx.getBean(WorkersAi.class)).isSameAs(mine));
  }

  @Test
  void springAiModelsOnlyForConfiguredModelIds() {
    configured().run(ctx -> {
      assertThat(ctx).hasSingleBean(WorkersAi.class);
      assertThat(ctx).doesNotHaveBean(ChatModel.class).doesNotHaveBean(EmbeddingModel.class)
          .doesNotHaveBean(ImageModel.class);
    });
    configured().withPropertyValues("workers-ai.chat.model=@cf/meta/llama-3.1-8b-instruct",
        "workers-ai.embedding.model=@cf/baai/bge-base-en-v1.5",
        "workers-ai.image.model=@cf/stabilityai/stable-diffusion-xl-base-1.0").run(ctx -> {
          assertThat(ctx).hasSingleBean(ChatModel.class).hasSingleBean(EmbeddingModel.class)
              .hasSingleBean(ImageModel.class);
          assertThat(ctx.getBean(TextGenerationModel.class)).isInstanceOf(GenericTextGeneration.class);
        });
  }

  @Test
  void aTextGenerationModelBeanOfYourOwnBacksTheChatModel() {
    TextGenerationModel generated = new GenericTextGeneration(
        WorkersAi.builder().accountId("a").apiToken("t").build(),
        dev.workersai.runtime.model.ModelDescriptor.of("@cf/mine", "Text Generation"));
    configured().withPropertyValues("workers-ai.chat.model=@cf/meta/llama-3.1-8b-instruct")
        .withBean(TextGenerationModel.class, () -> generated).run(ctx -> {
          assertThat(ctx).hasSingleBean(TextGenerationModel.class);
          assertThat(ctx.getBean(ChatModel.class).toString()).isEqualTo("WorkersAiChatModel[@cf/mine]");
        });
  }

  @Test
  void aGeneratedClassNamedByPropertyBacksTheChatModel() {
    configured().withPropertyValues("workers-ai.chat.model-class=" + FakeGeneratedModel.class.getName(),
        "workers-ai.chat.model=@cf/ignored").run(ctx -> {
          assertThat(ctx.getBean(TextGenerationModel.class)).isInstanceOf(FakeGeneratedModel.class);
          assertThat(ctx.getBean(ChatModel.class).call("hi")).isEqualTo("generated: hi");
        });
  }

  @Test
  void aModelClassThatIsMissingOrDoesNotFitFailsNamingThePropertyAndClass() {
    configured().withPropertyValues("workers-ai.chat.model-class=dev.workersai.models.NoSuchModel")
        .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining(
            "workers-ai.chat.model-class: class dev.workersai.models.NoSuchModel is not on the class path"));
    configured().withPropertyValues("workers-ai.embedding.model-class=" + FakeGeneratedModel.class.getName())
        .run(ctx -> assertThat(ctx).getFailure().hasStackTraceContaining(
            "workers-ai.embedding.model-class: " + FakeGeneratedModel.class.getName()
                + " does not implement dev.workersai.runtime.task.EmbeddingModel"));
  }

  @Test
  void withoutSpringAiOnTheClassPathOnlyTheClient() {
    configured().withClassLoader(new FilteredClassLoader(ChatModel.class))
        .withPropertyValues("workers-ai.chat.model=@cf/meta/llama-3.1-8b-instruct")
        .run(ctx -> assertThat(ctx).hasNotFailed().hasSingleBean(WorkersAi.class).doesNotHaveBean(WorkersAiChatModel.class));
  }

  @Test
  void anOpenTelemetryBeanBringsTheTelemetryListener() {
    configured().withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .run(ctx -> assertThat(ctx.getBean(CallListener.class)).isInstanceOf(WorkersAiTelemetry.class));
    configured().run(ctx -> assertThat(ctx).doesNotHaveBean(CallListener.class));
    configured().withBean(OpenTelemetry.class, OpenTelemetry::noop)
        .withClassLoader(new FilteredClassLoader(WorkersAiTelemetry.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(CallListener.class));
  }

  @Test
  void noRedisUriNoSharedLimiter() {
    configured().run(ctx -> assertThat(ctx).doesNotHaveBean(RateLimiter.class));
    configured().withPropertyValues("workers-ai.rate-limit.redis.uri=redis://127.0.0.1:1")
        .withClassLoader(new FilteredClassLoader(RedisRateLimiter.class))
        .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(RateLimiter.class));
  }

  @Test
  void aRedisUriGivesTheClientTheSharedLimiter() throws Exception {
    int port;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    redis.embedded.RedisServer server = redis.embedded.RedisServer.newRedisServer().bind("127.0.0.1").port(port)
        .setting("save \"\"").build();
    server.start();
    try {
      configured().withPropertyValues("workers-ai.rate-limit.redis.uri=redis://127.0.0.1:" + port,
          "workers-ai.rate-limit.redis.key-prefix=acc-1:").run(ctx -> {
            assertThat(ctx.getBean(RateLimiter.class)).isInstanceOf(RedisRateLimiter.class)
                .hasToString("RedisRateLimiter[keyPrefix=acc-1:]");
            assertThat(ctx).hasSingleBean(WorkersAi.class);
          });
    } finally {
      server.stop();
    }
  }

  @Test
  void configurationMetadataDescribesTheProperties() throws Exception {
    try (var in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata generated by spring-boot-configuration-processor").isNotNull();
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String name : Map.of("a", "workers-ai.api-token", "b", "workers-ai.rate-limit.redis.uri",
          "c", "workers-ai.chat.model", "d", "workers-ai.read-timeout").values()) {
        assertThat(json).contains("\"name\": \"" + name + "\"");
      }
    }
  }
}
