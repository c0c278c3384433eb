package dev.workersai.runtime.task;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;

/**
 * A model that answers a conversation: its input has a form whose only required property is
 * {@code messages}, admitting {@code {"role": "user", "content": "<text>"}}, and its JSON answer
 * carries text (see {@link TextGenerationModel}).
 *
 * <p>The request is the chat body Workers AI documents: {@code messages}, and where the model's
 * schema lists them {@code tools}, {@code response_format}, {@code max_tokens}, {@code temperature}
 * and the like. It is read into the model's own input, so it is checked against the schema before
 * sending; a property the schema does not list is not sent, which is why {@link #supportsTools()}
 * and {@link #supportsResponseFormat()} say whether those two would be.
 *
 * <p>Generated model classes implement this when their schema fits; calls sent through it use the
 * model's binding (its {@code WorkersAi} client and call options).
 */
public interface ChatCompletionModel {
  /**
   * The model's id, as used in {@code /ai/run/{id}}.
   *
   * @return the id, such as {@code @cf/meta/llama-3.1-8b-instruct}
   */
  String modelId();

  /**
   * Runs the model with {@code request} and reads the whole answer.
   *
   * @param request the chat body, {@code {"messages": [...], ...}}
   * @return the text, tool calls, usage and finish reason of the answer
   * @throws dev.workersai.runtime.InputValidationException when the request breaks the model's schema
   * @throws dev.workersai.runtime.WorkersAiException when the call fails, or the answer carries no
   *     text, naming the model
   */
  ChatAnswer chat(ObjectNode request);

  /**
   * Runs the model with {@code request} and {@code "stream": true}; close the stream to cancel the call.
   *
   * @param request the chat body, {@code {"messages": [...], ...}}
   * @return the chunks; {@link dev.workersai.runtime.StreamAccumulator} merges them
   * @throws UnsupportedOperationException when the model cannot stream (see {@link #supportsStreaming()})
   */
  ChunkStream<StreamChunk> streamChat(ObjectNode request);

  /**
   * Whether the model's catalog entry lists an event-stream answer.
   *
   * @return true when {@link #streamChat} streams
   */
  boolean supportsStreaming();

  /**
   * Whether the model's chat input lists {@code tools}.
   *
   * @return true when tools in a request are sent
   */
  boolean supportsTools();

  /**
   * Whether the model's chat input lists {@code response_format} (JSON mode, JSON schema).
   *
   * @return true when a response format in a request is sent
   */
  boolean supportsResponseFormat();
}
