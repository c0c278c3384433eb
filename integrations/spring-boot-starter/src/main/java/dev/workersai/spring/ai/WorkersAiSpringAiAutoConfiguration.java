package dev.workersai.spring.ai;

import dev.workersai.runtime.WorkersAi;
import dev.workersai.runtime.model.ModelDescriptor;
import dev.workersai.runtime.model.RateLimit;
import dev.workersai.runtime.task.EmbeddingModel;
import dev.workersai.runtime.task.TextGenerationModel;
import dev.workersai.spring.WorkersAiAutoConfiguration;
import dev.workersai.spring.WorkersAiProperties;
import dev.workersai.spring.binding.GeneratedBinding;
import dev.workersai.spring.binding.GenericEmbedding;
import dev.workersai.spring.binding.GenericTextGeneration;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.image.ImageModel;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Spring AI models on Workers AI. The chat and embedding models sit on the runtime's task
 * interfaces: a bean of a generated model class (such as {@code Llama3_1_8bInstruct.on(ai)}) is
 * used; else the generated class named by {@code workers-ai.chat.model-class}; else
 * {@code workers-ai.chat.model} binds a model by id generically (the same for embeddings). {@code workers-ai.image.model} gives an {@link ImageModel}.
 */
@AutoConfiguration(after = WorkersAiAutoConfiguration.class)
@ConditionalOnClass({ChatModel.class, WorkersAi.class})
@ConditionalOnBean(WorkersAi.class)
public class WorkersAiSpringAiAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  static class Chat {
    @Bean
    @ConditionalOnMissingBean(TextGenerationModel.class)
    @ConditionalOnProperty(prefix = "workers-ai.chat", name = "model-class")
    TextGenerationModel workersAiGeneratedTextGeneration(WorkersAi ai, WorkersAiProperties properties,
        ResourceLoader loader) {
      return GeneratedBinding.bind("workers-ai.chat.model-class", properties.getChat().getModelClass(),
          TextGenerationModel.class, ai, loader.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean(TextGenerationModel.class)
    @ConditionalOnProperty(prefix = "workers-ai.chat", name = "model")
    GenericTextGeneration workersAiTextGeneration(WorkersAi ai, WorkersAiProperties properties) {
      return new GenericTextGeneration(ai, descriptor(properties.getChat(), "Text Generation"));
    }

    @Bean
    @ConditionalOnMissingBean(ChatModel.class)
    @ConditionalOnBean(TextGenerationModel.class)
    WorkersAiChatModel workersAiChatModel(TextGenerationModel model) {
      return new WorkersAiChatModel(model);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Embedding {
    @Bean
    @ConditionalOnMissingBean(EmbeddingModel.class)
    @ConditionalOnProperty(prefix = "workers-ai.embedding", name = "model-class")
    EmbeddingModel workersAiGeneratedEmbedding(WorkersAi ai, WorkersAiProperties properties,
        ResourceLoader loader) {
      return GeneratedBinding.bind("workers-ai.embedding.model-class", properties.getEmbedding().getModelClass(),
          EmbeddingModel.class, ai, loader.getClassLoader());
    }

    @Bean
    @ConditionalOnMissingBean(EmbeddingModel.class)
    @ConditionalOnProperty(prefix = "workers-ai.embedding", name = "model")
    GenericEmbedding workersAiEmbedding(WorkersAi ai, WorkersAiProperties properties) {
      WorkersAiProperties.Model embedding = properties.getEmbedding();
      return new GenericEmbedding(ai, descriptor(embedding, "Text Embeddings"),
          embedding.getDimensions() == null ? -1 : embedding.getDimensions());
    }

    @Bean
    @ConditionalOnMissingBean(org.springframework.ai.embedding.EmbeddingModel.class)
    @ConditionalOnBean(EmbeddingModel.class)
    WorkersAiEmbeddingModel workersAiEmbeddingModel(EmbeddingModel model) {
      return new WorkersAiEmbeddingModel(model);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Images {
    @Bean
    @ConditionalOnMissingBean(ImageModel.class)
    @ConditionalOnProperty(prefix = "workers-ai.image", name = "model")
    WorkersAiImageModel workersAiImageModel(WorkersAi ai, WorkersAiProperties properties) {
      return new WorkersAiImageModel(ai, descriptor(properties.getImage(), "Text-to-Image"));
    }
  }

  /** A descriptor from the properties: the published limit when given, else none (not limited). */
  static ModelDescriptor descriptor(WorkersAiProperties.Model model, String task) {
    int rpm = model.getRequestsPerMinute();
    return rpm > 0
        ? new ModelDescriptor(model.getModel(), task, rpm, RateLimit.Source.MODEL_OVERRIDE, false)
        : ModelDescriptor.of(model.getModel(), task);
  }
}
