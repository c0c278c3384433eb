package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One chunk of a streamed text-generation answer, normalised from either the native
 * {@code {"response": ...}} form or the OpenAI-style {@code choices[].delta} form.
 *
 * <p>When a frame carries both forms (some models repeat the delta's text in a top-level {@code
 * response}), the text is taken from {@code choices[0].delta} only, so it is never counted twice;
 * the top-level {@code response} of such a frame stays visible in {@link #raw()}. {@link
 * StreamAccumulator} turns a sequence of chunks back into the whole answer.
 *
 * @param response the text this chunk adds (never null; empty for usage-only chunks)
 * @param reasoning reasoning text this chunk adds (never null; empty when none)
 * @param toolCalls tool-call fragments, as sent (never null; merge them with {@link StreamAccumulator})
 * @param usage token usage, on the chunk that carries it
 * @param finishReason why generation stopped, on the chunk that says so
 * @param raw the chunk's JSON as received, unknown fields (such as the padding field {@code p})
 *     included
 */
public record StreamChunk(
    String response,
    String reasoning,
    List<JsonNode> toolCalls,
    Optional<Usage> usage,
    Optional<String> finishReason,
    JsonNode raw) {

  /** Replaces nulls with empty values and copies the tool-call list. */
  public StreamChunk {
    response = Objects.requireNonNullElse(response, "");
    reasoning = Objects.requireNonNullElse(reasoning, "");
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    usage = Objects.requireNonNullElse(usage, Optional.empty());
    finishReason = Objects.requireNonNullElse(finishReason, Optional.empty());
    raw = Objects.requireNonNullElse(raw, NullNode.getInstance());
  }

  /**
   * Token counts reported by the model.
   *
   * @param promptTokens tokens in the prompt
   * @param completionTokens tokens generated
   * @param totalTokens as reported, or the sum of the two when the server omits it
   * @param cachedPromptTokens prompt tokens served from cache ({@code
   *     prompt_tokens_details.cached_tokens}), 0 when not reported
   * @param neurons the Workers AI billing unit for this call, when reported
   */
  public record Usage(
      long promptTokens,
      long completionTokens,
      long totalTokens,
      long cachedPromptTokens,
      OptionalDouble neurons) {

    /** Replaces a null {@code neurons} with empty. */
    public Usage {
      neurons = Objects.requireNonNullElse(neurons, OptionalDouble.empty());
    }

    /** Usage with only the three token counts. */
    public Usage(long promptTokens, long completionTokens, long totalTokens) {
      this(promptTokens, completionTokens, totalTokens, 0, OptionalDouble.empty());
    }
  }
}
