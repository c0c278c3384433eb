package dev.workersai.runtime.internal.sse;

import dev.workersai.runtime.ChunkStream;
import dev.workersai.runtime.StreamChunk;
import dev.workersai.runtime.observe.CallObserver;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * A stream that tells its call's observer of each chunk, seen as a {@link StreamChunk}, and, once, of
 * how it ended. The usage is the last one a chunk reported (models send it on the final chunk).
 */
final class ObservedChunkStream<T> implements ChunkStream<T> {
  private final ChunkStream<T> delegate;
  private final Function<? super T, StreamChunk> asChunk;
  private final CallObserver observer;
  private Optional<StreamChunk.Usage> usage = Optional.empty();
  private boolean ended; // guarded by this

  ObservedChunkStream(ChunkStream<T> delegate, Function<? super T, StreamChunk> asChunk, CallObserver observer) {
    this.delegate = delegate;
    this.asChunk = asChunk;
    this.observer = observer;
  }

  @Override
  public Iterator<T> iterator() {
    Iterator<T> chunks = delegate.iterator();
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
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T item = chunks.next();
        StreamChunk chunk = asChunk.apply(item);
        if (chunk.usage().isPresent()) {
          usage = chunk.usage();
        }
        observer.chunk(chunk);
        return item;
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
