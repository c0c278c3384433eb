package dev.workersai.runtime.internal.openai;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import dev.workersai.runtime.internal.sse.SseEvent;
import dev.workersai.runtime.internal.sse.SseReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * An OpenAI-style event stream ({@code data: {json}} events ending with {@code data: [DONE]}) read
 * one event at a time as the caller iterates. A stream that ends without {@code [DONE]} is reported
 * as truncated rather than ending quietly; closing early cancels the call.
 */
final class V1EventStream<T> implements ChunkStream<T> {
  private final SseReader reader;
  private final Function<String, T> parse;
  private final String modelId;
  private final Runnable cancel;
  private final Runnable release;
  private final Redactor redactor;
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicBoolean iteratorTaken = new AtomicBoolean();
  private volatile boolean over;
  private T next;
  private long events;

  V1EventStream(SseReader reader, Function<String, T> parse, String modelId, Runnable cancel, Runnable release,
      Redactor redactor) {
    this.reader = reader;
    this.parse = parse;
    this.modelId = modelId;
    this.cancel = cancel;
    this.release = release;
    this.redactor = redactor;
  }

  @Override
  public Iterator<T> iterator() {
    if (!iteratorTaken.compareAndSet(false, true)) {
      throw new IllegalStateException("the stream from model " + modelId + " can be iterated only once");
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return next != null || advance();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the stream from model " + modelId + " has ended");
        }
        T chunk = V1EventStream.this.next;
        V1EventStream.this.next = null;
        return chunk;
      }
    };
  }

  @Override
  public void close() {
    if (!over) {
      over = true;
      cancel.run();
    }
    releaseOnce();
  }

  private boolean advance() {
    while (!over) {
      SseEvent event;
      try {
        event = reader.next();
      } catch (IOException e) {
        if (over) {
          return false;
        }
        throw fail(readFailure(e));
      }
      if (event == null) {
        throw fail(new InvalidResponseException("stream from model " + modelId + " ended without [DONE] after "
            + events + " events; the answer is truncated", null, WorkersAiException.Details.forModel(modelId)));
      }
      String data = event.data().strip();
      if (data.equals("[DONE]")) {
        end();
        return false;
      }
      if (data.isEmpty()) {
        continue; // a keep-alive
      }
      try {
        next = parse.apply(data);
      } catch (WorkersAiException e) {
        throw fail(e);
      }
      events++;
      return true;
    }
    return false;
  }

  private WorkersAiException readFailure(IOException e) {
    String message = redactor.redact("stream from model " + modelId + " failed after " + events + " events: " + e);
    WorkersAiException.Details details = WorkersAiException.Details.forModel(modelId);
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new RequestTimeoutException(message, redactor.redactCause(e), details, false);
    }
    return new ConnectionException(message, redactor.redactCause(e), details);
  }

  private void end() {
    over = true;
    releaseOnce();
  }

  private WorkersAiException fail(WorkersAiException e) {
    end();
    return e;
  }

  private void releaseOnce() {
    if (released.compareAndSet(false, true)) {
      release.run();
    }
  }
}
