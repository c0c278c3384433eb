package dev.workersai.runtime;

import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A streamed answer, parsed chunk by chunk as it arrives. Iterate it once; closing it (or leaving a
 * try-with-resources block early) cancels the HTTP call. A stream the server ends without its
 * terminator raises {@link WorkersAiException} from the iterator instead of ending quietly.
 *
 * @param <T> the chunk type
 */
public interface ChunkStream<T> extends Iterable<T>, AutoCloseable {
  @Override
  Iterator<T> iterator();

  /** Closes the stream and cancels the call; idempotent. */
  @Override
  void close();

  /** The chunks as a sequential {@link Stream}; closing that stream closes this one. */
  default Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
        .onClose(this::close);
  }
}
