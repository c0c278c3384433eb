package dev.workersai.runtime.internal.sse;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.observe.CallObserver;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * A stream that tells its call's observer of each chunk and, once, of how it ended. The usage is
 * the last one a chunk reported (models send it on the final chunk).
 */
final class ObservedChunkStream implements ChunkStream<StreamChunk> {
  private final ChunkStream<StreamChunk> delegate;
  private final CallObserver observer;
  private Optional<StreamChunk.Usage> usage = Optional.empty();
  private boolean ended; // guarded by this

  ObservedChunkStream(ChunkStream<StreamChunk> delegate, CallObserver observer) {
    this.delegate = delegate;
    this.observer = observer;
  }

  @Override
  public Iterator<StreamChunk> iterator() {
    Iterator<StreamChunk> chunks = delegate.iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        try {
          boolean more = chunks.hasNext();
          if (!more) {
            end(null);
          }
          return more;
        } catch (RuntimeException e) {
          end(e);
          throw e;
        }
      }

      @Override
      public StreamChunk next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        StreamChunk chunk = chunks.next();
        if (chunk.usage().isPresent()) {
          usage = chunk.usage();
        }
        observer.chunk(chunk);
        return chunk;
      }
    };
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      end(new CancellationException("the stream was closed before its end"));
    }
  }

  /** Reports the end once: success when {@code failure} is null. */
  private void end(RuntimeException failure) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
    }
    if (failure == null) {
      observer.succeeded(usage);
    } else {
      observer.failed(failure);
    }
  }
}
