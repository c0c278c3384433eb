package dev.workersai.runtime.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The answer of {@code /ai/v1/responses}: a list of output items ({@code reasoning}, {@code message},
 * {@code function_call}).
 *
 * @param id the response's id
 * @param model the model that answered
 * @param status {@code completed}, {@code incomplete}, ...
 * @param output the output items in order
 * @param usage token counts ({@code input_tokens}/{@code output_tokens} on the wire)
 */
public record ResponsesResult(String id, String model, String status, List<OutputItem> output, Usage usage) {

  public ResponsesResult {
    output = output == null ? List.of() : List.copyOf(output);
  }

  /** The text of every {@code output_text} part of every message item, joined. */
  public String outputText() {
    return output.stream()
        .filter(item -> "message".equals(item.type()))
        .flatMap(item -> item.content().stream())
        .filter(part -> "output_text".equals(part.type()))
        .map(ContentPart::text)
        .collect(Collectors.joining());
  }

  /** The reasoning text the model reported, joined; empty when none. */
  public String reasoningText() {
    return output.stream()
        .filter(item -> "reasoning".equals(item.type()))
        .flatMap(item -> item.content().stream())
        .map(ContentPart::text)
        .collect(Collectors.joining());
  }

  /**
   * One output item.
   *
   * @param type {@code message}, {@code reasoning} or {@code function_call}
   * @param id the item's id
   * @param role {@code assistant} for messages
   * @param content the parts of a message or of reasoning
   * @param name the function of a {@code function_call}
   * @param arguments its arguments as JSON text
   * @param callId the id a function's output refers to
   */
  public record OutputItem(String type, String id, String role, List<ContentPart> content, String name,
      String arguments, @JsonProperty("call_id") String callId) {

    public OutputItem {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  /**
   * A part of an item: {@code output_text} or {@code reasoning_text}.
   *
   * @param type the part's type
   * @param text its text
   */
  public record ContentPart(String type, String text) {}
}
