package dev.workersai.runtime.observe;

/** How a call reads its answer. */
public enum CallKind {
  /** A whole answer: JSON or a binary body read into memory ({@code run}, {@code runAsync}, batches). */
  RUN,
  /** An event stream of text chunks ({@code stream}); the call ends when the stream does. */
  STREAM,
  /** A binary body handed over unread ({@code runForStream}); the call ends when the headers arrive. */
  BINARY_STREAM
}
