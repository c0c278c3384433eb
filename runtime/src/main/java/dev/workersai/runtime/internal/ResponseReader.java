package dev.workersai.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.workersai.runtime.BinaryOutput;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.ModelResponse;
import dev.workersai.runtime.ResponseMetadata;
import dev.workersai.runtime.WorkersAiException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Response;

/**
 * Reads a whole response into a {@link ModelResponse}, choosing by {@code Content-Type}: JSON is a
 * {@code {result, success, errors, messages}} envelope to unwrap (and {@code success:false} is an
 * error even with HTTP 200); anything else is a binary answer.
 */
public final class ResponseReader {
  private final ObjectMapper mapper;
  private final ErrorMapper errors;
  private final Redactor redactor;

  public ResponseReader(ObjectMapper mapper, ErrorMapper errors) {
    this.mapper = mapper;
    this.errors = errors;
    this.redactor = errors.redactor();
  }

  /** The media type without parameters, lower case; {@code application/octet-stream} when absent. */
  public static String mediaType(Response response) {
    String header = response.header("Content-Type");
    MediaType type = header == null ? null : MediaType.parse(header);
    return type == null ? "application/octet-stream" : (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
  }

  /** Whether a media type is JSON ({@code application/json} or a {@code +json} suffix). */
  public static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }

  public static ResponseMetadata metadata(Response response) {
    return new ResponseMetadata(
        response.code(),
        Optional.ofNullable(response.header("cf-ray")),
        Optional.ofNullable(response.header("cf-aig-cache-status")),
        Optional.ofNullable(response.header("cf-aig-log-id")));
  }

  /**
   * Reads and closes {@code response}.
   *
   * @throws WorkersAiException for a failed status, an error envelope, an unreadable body or a body
   *     cut off by the transport; earlier retried failures are attached as suppressed
   */
  public ModelResponse read(Response response, CallContext ctx) {
    String modelId = ctx.model().id();
    try (response) {
      if (!response.isSuccessful()) {
        throw errors.fromResponse(response, modelId);
      }
      String type = mediaType(response);
      byte[] body = response.body().bytes();
      if (isJson(type)) {
        JsonNode result = unwrap(response, parse(body, modelId), modelId);
        return RealModelResponse.json(modelId, type, result, metadata(response), mapper, redactor);
      }
      if (type.equals("text/event-stream")) {
        throw new InvalidResponseException("model " + modelId + ": answered with an event stream to a call that did "
            + "not ask for one; use stream()", null, details(response, modelId));
      }
      return RealModelResponse.binary(modelId, new BinaryOutput(type, body), metadata(response), mapper,
          redactor);
    } catch (IOException e) {
      throw ctx.withEarlierFailures(errors.fromIOException(e, modelId));
    } catch (WorkersAiException e) {
      throw ctx.withEarlierFailures(e);
    }
  }

  /**
   * Parses a whole JSON body; a body that does not parse (often a truncated one) is an {@link
   * InvalidResponseException}. The parser's message quotes the body (a proxy's page, an echo of the
   * request), so message and cause are redacted.
   */
  public JsonNode parse(byte[] body, String modelId) {
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new IOException("empty body");
      }
      return node;
    } catch (IOException e) {
      throw new InvalidResponseException(redactor.redact("model " + modelId + ": response is not valid JSON ("
          + body.length + " bytes; truncated?): " + e.getMessage()), redactor.redactCause(e),
          WorkersAiException.Details.forModel(modelId));
    }
  }

  /**
   * The envelope's {@code result}. Tolerant of shapes seen from proxies and emulators: a body with no
   * {@code success} field but a {@code result} is unwrapped; a body that is no envelope at all is
   * taken as the result itself.
   */
  public JsonNode unwrap(Response response, JsonNode envelope, String modelId) {
    if (!envelope.isObject()) {
      return envelope;
    }
    JsonNode success = envelope.get("success");
    if (success != null && !success.asBoolean(false)) {
      throw errors.fromEnvelope(response.code(), response.headers(), envelope, modelId);
    }
    if (success == null && !envelope.has("result")) {
      return envelope;
    }
    JsonNode result = envelope.get("result");
    if (result == null) {
      throw new InvalidResponseException("model " + modelId + ": envelope says success but has no result", null,
          details(response, modelId));
    }
    return result;
  }

  private static WorkersAiException.Details details(Response response, String modelId) {
    return new WorkersAiException.Details(response.code(), java.util.List.of(), modelId, response.header("cf-ray"));
  }
}
