package dev.workersai.runtime.internal.sse;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.ConnectionException;
import dev.workersai.runtime.InvalidResponseException;
import dev.workersai.runtime.RequestTimeoutException;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.WorkersAiException;
import dev.workersai.runtime.internal.Redactor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link ChunkStream} that pulls events from an {@link SseReader} only when the caller asks for
 * the next chunk, and so holds one chunk at a time however long the answer.
 *
 * <p>Lifecycle: the stream reaches exactly one terminal state. {@code [DONE]} (or end of input after
 * a chunk with a {@code finish_reason}) is a normal end. A failure is thrown once from the iterator
 * and ends it: end of input otherwise, a malformed frame or an oversized event as {@link
 * InvalidResponseException}; an error frame as {@link WorkersAiException} carrying the reported
 * errors; a read timeout (or the call timeout) as {@link RequestTimeoutException}; any other I/O
 * failure, such as a connection reset, as {@link ConnectionException} with the cause. {@link
 * #close()} before either ends it quietly and cancels the transport. Every terminal state releases
 * the transport; after it {@code hasNext()} returns false.
 *
 * <p>{@link #close()} may be called from any thread, any number of times; iteration belongs to one
 * thread.
 */
final class SseChunkStream implements ChunkStream<StreamChunk> {
  private enum State { OPEN, DONE, FAILED, CLOSED }

  private final SseReader reader;
  private final WorkersAiException.Details details;
  private final String modelId;
  private final Runnable cancel;
  private final Runnable release;
  private final Redactor redactor;
  private final AtomicBoolean released = new AtomicBoolean();
  private final AtomicBoolean iteratorTaken = new AtomicBoolean();

  private volatile State state = State.OPEN;
  private StreamChunk next;
  private long chunksRead;
  private boolean finishReasonSeen;

  /**
   * @param details the model (and response, when known) every exception names
   * @param cancel aborts the transport when the caller closes early (may interrupt a blocked read)
   * @param release frees the transport once the stream is over; called exactly once
   * @param redactor applied to every exception text taken from the stream's bytes
   */
  SseChunkStream(SseReader reader, WorkersAiException.Details details, Runnable cancel, Runnable release,
      Redactor redactor) {
    this.redactor = redactor;
    this.reader = reader;
    this.details = details;
    this.modelId = details.modelId();
    this.cancel = cancel;
    this.release = release;
  }

  @Override
  public Iterator<StreamChunk> iterator() {
    if (!iteratorTaken.compareAndSet(false, true)) {
      throw new IllegalStateException("the stream from model " + modelId + " can be iterated only once");
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        if (state == State.CLOSED) {
          next = null; // a chunk read ahead before the caller closed is not handed out after
          return false;
        }
        return next != null || advance();
      }

      @Override
      public StreamChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException("the stream from model " + modelId + " has ended");
        }
        StreamChunk chunk = SseChunkStream.this.next;
        SseChunkStream.this.next = null;
        return chunk;
      }
    };
  }

  @Override
  public void close() {
    if (state == State.OPEN) {
      state = State.CLOSED;
      cancel.run();
    }
    releaseOnce();
  }

  /** Bytes the underlying reader holds right now; tests use it to show memory stays bounded. */
  long bufferedBytes() {
    return reader.bufferedBytes();
  }

  /** Reads until the next chunk or a terminal state; true when {@link #next} holds a chunk. */
  private boolean advance() {
    while (state == State.OPEN) {
      SseEvent event;
      try {
        event = reader.next();
      } catch (IOException e) {
        if (state != State.OPEN) {
          return false; // closed by the caller, which is what made the read fail
        }
        throw fail(readFailure(e));
      }
      if (state != State.OPEN) {
        return false;
      }
      if (event == null) {
        return endOfInput();
      }
      if (FrameParser.isDone(event)) {
        finish(State.DONE);
        return false;
      }
      if (event.data().isBlank() && event.type() == null) {
        continue; // a keep-alive with empty data carries nothing
      }
      StreamChunk chunk;
      try {
        chunk = FrameParser.parse(event, details, redactor);
      } catch (WorkersAiException e) {
        throw fail(e);
      }
      chunksRead++;
      finishReasonSeen |= chunk.finishReason().isPresent();
      next = chunk;
      return true;
    }
    return false;
  }

  private boolean endOfInput() {
    if (finishReasonSeen && !reader.endedMidLine()) {
      // A finish_reason already told us the answer is complete; only the terminator was lost.
      finish(State.DONE);
      return false;
    }
    throw fail(new InvalidResponseException(
        "stream from model " + modelId + " ended without [DONE] after " + chunksRead + " chunks"
            + (reader.endedMidLine() ? " (the connection closed mid-line)" : "")
            + "; the answer is truncated", null, details));
  }

  private WorkersAiException readFailure(IOException e) {
    // A transport's message may quote bytes it received (a chunk header), so it is redacted too.
    String message = redactor.redact("stream from model " + modelId + " failed after " + chunksRead + " chunks: " + e);
    Throwable cause = redactor.redactCause(e);
    if (e instanceof SseFormatException) {
      return new InvalidResponseException(message, cause, details);
    }
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      // Local read or call timeout: sending the same request again would likely wait as long.
      return new RequestTimeoutException(message, cause, details, false);
    }
    return new ConnectionException(message, cause, details);
  }

  private void finish(State terminal) {
    state = terminal;
    releaseOnce();
  }

  private WorkersAiException fail(WorkersAiException e) {
    finish(State.FAILED);
    return e;
  }

  private void releaseOnce() {
    if (released.compareAndSet(false, true)) {
      release.run();
    }
  }
}
