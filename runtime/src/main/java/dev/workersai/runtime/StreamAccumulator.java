package dev.workersai.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns streamed chunks back into the whole answer: the text and reasoning concatenated, tool-call
 * fragments merged into complete calls, and the last reported usage and finish reason.
 *
 * <pre>{@code
 * StreamAccumulator answer = StreamAccumulator.collect(ai.stream(model, payload, options));
 * String text = answer.text();
 * }</pre>
 *
 * <p>Tool-call fragments are merged by their {@code index}. Fragments without an index (native
 * Workers AI tool calls) are matched by {@code id}; failing that, a fragment that names a function
 * starts a new call and one that does not continues the latest call. The first non-empty {@code id},
 * {@code type} and function name win; {@code arguments} text is concatenated in arrival order (an
 * arguments object, as whole answers carry, is kept as its JSON text). Null fields, such as those of
 * the all-null "finalization" fragment some models send, add nothing.
 *
 * <p>Not thread-safe: feed it from the thread that iterates the stream.
 */
public final class StreamAccumulator implements Consumer<StreamChunk> {
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder reasoning = new StringBuilder();
  private final TreeMap<Integer, ToolCallBuilder> toolCalls = new TreeMap<>();
  private ToolCallBuilder latestToolCall;
  private StreamChunk.Usage usage;
  private String finishReason;
  private long chunkCount;

  /** An empty accumulator; feed it with {@link #accept}. */
  public StreamAccumulator() {}

  /**
   * Reads a stream to its end, accumulating every chunk, and closes it (also when reading fails).
   *
   * @throws WorkersAiException as the stream's iterator does, for example when it ends without
   *     {@code [DONE]}
   */
  public static StreamAccumulator collect(ChunkStream<StreamChunk> stream) {
    StreamAccumulator accumulator = new StreamAccumulator();
    try (stream) {
      stream.forEach(accumulator);
    }
    return accumulator;
  }

  /** Adds one chunk. */
  @Override
  public void accept(StreamChunk chunk) {
    chunkCount++;
    text.append(chunk.response());
    reasoning.append(chunk.reasoning());
    chunk.toolCalls().forEach(this::mergeToolCall);
    chunk.usage().ifPresent(u -> usage = u);
    chunk.finishReason().ifPresent(f -> finishReason = f);
  }

  /** The answer's text so far. */
  public String text() {
    return text.toString();
  }

  /** The answer's reasoning text so far (empty for models that send none). */
  public String reasoning() {
    return reasoning.toString();
  }

  /** The tool calls so far, ordered by index, with their argument fragments joined. */
  public List<ToolCall> toolCalls() {
    List<ToolCall> calls = new ArrayList<>(toolCalls.size());
    toolCalls.forEach((index, call) -> calls.add(call.build(index)));
    return List.copyOf(calls);
  }

  /** The usage from the last chunk that reported one. */
  public Optional<StreamChunk.Usage> usage() {
    return Optional.ofNullable(usage);
  }

  /** The finish reason from the last chunk that reported one. */
  public Optional<String> finishReason() {
    return Optional.ofNullable(finishReason);
  }

  /** How many chunks were added. */
  public long chunkCount() {
    return chunkCount;
  }

  /**
   * One tool call the model asked for, merged from its fragments.
   *
   * @param index the call's position among this answer's tool calls
   * @param id the call id, or null when the model sent none
   * @param type the call type (usually {@code "function"}), or null when not sent
   * @param name the function name, or null when not sent
   * @param arguments the arguments as JSON text, joined from all fragments (empty when none)
   */
  public record ToolCall(int index, String id, String type, String name, String arguments) {}

  private void mergeToolCall(JsonNode fragment) {
    if (fragment == null || !fragment.isObject()) {
      return;
    }
    JsonNode function = fragment.path("function");
    String id = text(fragment.get("id"));
    String name = text(function.isObject() ? function.get("name") : fragment.get("name"));
    JsonNode arguments = function.isObject() ? function.get("arguments") : fragment.get("arguments");
    ToolCallBuilder call = target(fragment.get("index"), id, name);
    if (call == null) {
      return;
    }
    call.id = call.id == null ? id : call.id;
    call.type = call.type == null ? text(fragment.get("type")) : call.type;
    call.name = call.name == null ? name : call.name;
    if (arguments != null && !arguments.isNull()) {
      call.arguments.append(arguments.isTextual() ? arguments.textValue() : arguments.toString());
    }
    latestToolCall = call;
  }

  /** The call a fragment belongs to, created when new; null for a fragment that names no call. */
  private ToolCallBuilder target(JsonNode indexNode, String id, String name) {
    if (indexNode != null && indexNode.canConvertToInt() && indexNode.isNumber()) {
      return toolCalls.computeIfAbsent(indexNode.intValue(), i -> new ToolCallBuilder());
    }
    if (id != null) {
      for (ToolCallBuilder call : toolCalls.values()) {
        if (id.equals(call.id)) {
          return call;
        }
      }
    }
    if (id == null && name == null) {
      return latestToolCall;
    }
    ToolCallBuilder call = new ToolCallBuilder();
    toolCalls.put(toolCalls.isEmpty() ? 0 : toolCalls.lastKey() + 1, call);
    return call;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.asText().isEmpty() ? null : node.asText();
  }

  /** A tool call being assembled. */
  private static final class ToolCallBuilder {
    private String id;
    private String type;
    private String name;
    private final StringBuilder arguments = new StringBuilder();

    ToolCall build(int index) {
      return new ToolCall(index, id, type, name, arguments.toString());
    }
  }
}
