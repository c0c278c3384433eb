/**
 * Typed calls to the OpenAI-compatible endpoints of Workers AI ({@code /ai/v1/chat/completions},
 * {@code /ai/v1/embeddings}, {@code /ai/v1/responses}), sent through the same client as {@code
 * /ai/run}: retries, rate limiting, AI Gateway, error mapping and token redaction all apply. Start
 * from {@link dev.workersai.runtime.WorkersAi#openAi()}.
 */
package dev.workersai.runtime.openai;
