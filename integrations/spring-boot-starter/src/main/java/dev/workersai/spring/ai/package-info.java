/**
 * Spring AI models on Workers AI: {@code ChatModel} and {@code EmbeddingModel} over the runtime's task
 * interfaces, and an {@code ImageModel} for text-to-image models. Configured only when Spring AI is
 * on the class path.
 */
package dev.workersai.spring.ai;
