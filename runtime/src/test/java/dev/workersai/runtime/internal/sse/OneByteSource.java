package dev.workersai.runtime.internal.sse;

import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;

/** Test input that yields at most one byte per read, so every framing decision spans reads. */
final class OneByteSource implements Source {
  private final Buffer bytes;
  private boolean closed;

  private OneByteSource(Buffer bytes) {
    this.bytes = bytes;
  }

  static BufferedSource of(String text) {
    return Okio.buffer(new OneByteSource(new Buffer().writeUtf8(text)));
  }

  @Override
  public long read(Buffer sink, long byteCount) {
    if (bytes.exhausted()) {
      return -1;
    }
    return bytes.read(sink, 1);
  }

  @Override
  public Timeout timeout() {
    return Timeout.NONE;
  }

  @Override
  public void close() {
    closed = true;
  }

  boolean closed() {
    return closed;
  }
}
