package dev.workersai.runtime.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.observe.CallObserver;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Where the client hands a streaming answer over: turns a successful {@code text/event-stream}
 * response (or a plain JSON result some models send instead) into a {@link ChunkStream}.
 */
public final class SseChunkStreams {
  private SseChunkStreams() {}

  /**
   * A lazily read stream over a 2xx {@code text/event-stream} response. The response body is read
   * only as the caller iterates; closing the stream early cancels {@code call} and closes the
   * response; reaching the end closes the response.
   *
   * @param call the call that produced {@code response}, cancelled on early close
   * @param response a successful response whose body is the event stream; this stream owns it now
   * @param modelId the model's id, named in every error
   * @param redactor removes the client's credentials from every error text taken from the stream
   */
  public static ChunkStream<StreamChunk> open(Call call, Response response, String modelId, Redactor redactor) {
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(redactor, "redactor");
    ResponseBody body = Objects.requireNonNull(response, "response").body();
    WorkersAiException.Details details =
        new WorkersAiException.Details(response.code(), List.of(), modelId, response.header("cf-ray"));
    return new SseChunkStream(new SseReader(body.source()), details, call::cancel, response::close, redactor);
  }

  /**
   * A stream over event-stream bytes from any source (no HTTP): for tests, benchmarks and
   * transports other than OkHttp. Closing the stream, early or at the end, closes {@code source}.
   * No token was sent, so errors mask only {@code Bearer} credentials ({@link Redactor#none()}).
   *
   * @param source the event-stream bytes; this stream owns it now
   * @param modelId the model's id, named in every error
   */
  public static ChunkStream<StreamChunk> read(BufferedSource source, String modelId) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(modelId, "modelId");
    Runnable closeSource = () -> closeQuietly(source);
    return new SseChunkStream(
        new SseReader(source), WorkersAiException.Details.forModel(modelId), closeSource, closeSource, Redactor.none());
  }

  /**
   * A one-chunk stream for a model that answered a stream request with a whole JSON result (gpt-oss
   * on {@code /ai/run} does). The chunk is normalised like a streamed one (native {@code response}
   * or {@code choices[0].message}) and the stream ends normally after it.
   *
   * @param result the envelope's {@code result}; null or empty gives one empty chunk
   * @param modelId the model's id
   */
  public static ChunkStream<StreamChunk> fromJsonResult(JsonNode result, String modelId) {
    Objects.requireNonNull(modelId, "modelId");
    StreamChunk chunk;
    if (result == null || result.isNull() || result.isMissingNode()) {
      chunk = new StreamChunk("", "", List.of(), null, null, result);
    } else if (result.isTextual()) {
      chunk = new StreamChunk(result.textValue(), "", List.of(), null, null, result);
    } else {
      chunk = ChunkNormalizer.fromResult(result);
    }
    return new ChunkStream<>() {
      // Nothing is held open (the whole answer was already read), so closing only ends iteration.
      private boolean iterated;
      private volatile boolean closed;

      @Override
      public synchronized Iterator<StreamChunk> iterator() {
        if (iterated) {
          throw new IllegalStateException("the stream from model " + modelId + " can be iterated only once");
        }
        iterated = true;
        return closed ? Collections.emptyIterator() : List.of(chunk).iterator();
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }

  /** The token usage a whole JSON answer reports in {@code usage}, if any. */
  public static Optional<StreamChunk.Usage> usageOf(JsonNode result) {
    return ChunkNormalizer.usageOf(result);
  }

  /**
   * {@code stream}, reporting each chunk to {@code observer} and its end: success when iteration
   * reaches the end, failure when it throws, a {@link java.util.concurrent.CancellationException}
   * when it is closed before the end.
   */
  public static ChunkStream<StreamChunk> observed(ChunkStream<StreamChunk> stream, CallObserver observer) {
    return observed(stream, chunk -> chunk, observer);
  }

  /** {@link #observed(ChunkStream, CallObserver)} for a stream of other events, each told as {@code asChunk} of it. */
  public static <T> ChunkStream<T> observed(ChunkStream<T> stream, Function<? super T, StreamChunk> asChunk,
      CallObserver observer) {
    return observer == CallObserver.NONE ? stream : new ObservedChunkStream<>(stream, asChunk, observer);
  }

  private static void closeQuietly(BufferedSource source) {
    try {
      source.close();
    } catch (IOException e) {
      // Closing a source we are abandoning: there is nothing useful to do with a failure here.
    }
  }
}
