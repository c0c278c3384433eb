package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Token counts of one call. Chat completions and embeddings name them {@code prompt_tokens} and
 * {@code completion_tokens}; the Responses API names them {@code input_tokens} and {@code
 * output_tokens}: both are read.
 */
public record Usage(
    @JsonProperty("prompt_tokens") @JsonAlias("input_tokens") int promptTokens,
    @JsonProperty("completion_tokens") @JsonAlias("output_tokens") int completionTokens,
    @JsonProperty("total_tokens") int totalTokens) {}
