package dev.workersai.runtime.internal.sse;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * An incremental, transport-free reader of {@code text/event-stream} bytes, following the WHATWG
 * event-stream interpretation rules.
 *
 * <p>What it handles: LF, CR and CRLF line endings (a CRLF split across two reads is still one line
 * end); comment lines starting with {@code :}; {@code field:value} with or without one space after
 * the colon; a field with no colon (value empty); multi-line {@code data} joined with {@code \n};
 * {@code event}, {@code id} (ignored when it contains NUL) and {@code retry} (ignored unless all
 * ASCII digits); unknown fields (ignored); one leading UTF-8 byte-order mark (skipped).
 *
 * <p>End of input: an event whose lines were complete but which lacked the final blank line is
 * still dispatched (some servers close right after {@code data: [DONE]\n}); an unterminated last line
 * is discarded as truncated, together with the event it belonged to, and reported by {@link
 * #endedMidLine()}.
 *
 * <p>Memory: bytes are consumed line by line; the reader holds at most one line plus one read
 * segment in the source buffer and one event's data, each capped by {@code maxEventBytes}. Data is
 * copied as okio segments (pooled), so nothing grows with the length of the stream; {@link
 * #bufferedBytes()} exposes the current holding for tests.
 *
 * <p>Not thread-safe: one reader per stream, used by one thread at a time.
 */
public final class SseReader {
  /** Default cap on one line and on one event's data: far above any model chunk. */
  public static final long DEFAULT_MAX_EVENT_BYTES = 8L * 1024 * 1024;

  private static final ByteString LINE_ENDS = ByteString.encodeUtf8("\r\n");
  private static final ByteString BOM = ByteString.decodeHex("efbbbf");
  private static final ByteString DATA = ByteString.encodeUtf8("data");
  private static final ByteString EVENT = ByteString.encodeUtf8("event");
  private static final ByteString ID = ByteString.encodeUtf8("id");
  private static final ByteString RETRY = ByteString.encodeUtf8("retry");

  private final BufferedSource source;
  private final Buffer buffered;
  private final long maxEventBytes;

  private final Buffer data = new Buffer();
  private boolean hasData;
  private String eventType;
  private String lastEventId;
  private long retryMillis = -1;
  /** The previous line ended in CR: a LF that starts the next read belongs to that line end. */
  private boolean skipLeadingLf;
  private boolean endedMidLine;
  private boolean exhausted;
  private boolean started;

  /** A reader with {@link #DEFAULT_MAX_EVENT_BYTES}. */
  public SseReader(BufferedSource source) {
    this(source, DEFAULT_MAX_EVENT_BYTES);
  }

  /**
   * A reader over {@code source}.
   *
   * @param maxEventBytes the longest line and the largest event data accepted; beyond it {@link
   *     #next()} throws {@link SseFormatException} rather than buffering without bound
   */
  public SseReader(BufferedSource source, long maxEventBytes) {
    if (maxEventBytes < 1) {
      throw new IllegalArgumentException("maxEventBytes must be positive: " + maxEventBytes);
    }
    this.source = source;
    this.buffered = source.getBuffer();
    this.maxEventBytes = maxEventBytes;
  }

  /**
   * Reads until the next event is complete and returns it, or returns null at end of input. Blocks
   * only for bytes still needed to finish the current line.
   *
   * @throws SseFormatException when a line or event exceeds the configured maximum
   * @throws IOException when the source fails
   */
  public SseEvent next() throws IOException {
    if (!started) {
      started = true;
      if (source.rangeEquals(0, BOM)) {
        buffered.skip(BOM.size()); // the event-stream format allows one leading byte-order mark
      }
    }
    while (!exhausted) {
      long lineLength = nextLineLength();
      if (lineLength < 0) {
        exhausted = true;
        break;
      }
      byte terminator = buffered.getByte(lineLength);
      SseEvent event = processLine(lineLength);
      buffered.skip(1);
      if (terminator == '\r') {
        skipLeadingLf = true;
      }
      if (event != null) {
        return event;
      }
    }
    // End of input: an event made of complete lines but missing its blank line is still an event;
    // one cut off mid-line is not, because its last line may be any prefix of what was sent.
    if (hasData && !endedMidLine) {
      return dispatch();
    }
    return resetEvent();
  }

  /** The event-stream {@code retry} value in milliseconds, or -1 when none was sent. */
  public long retryMillis() {
    return retryMillis;
  }

  /** True once input has ended in the middle of a line (a truncated stream); that line was dropped. */
  public boolean endedMidLine() {
    return endedMidLine;
  }

  /** Bytes currently held by this reader: unconsumed input plus the pending event's data. */
  public long bufferedBytes() {
    return buffered.size() + data.size();
  }

  /**
   * Ensures a whole line is buffered and returns its length (the terminator is at that offset), or
   * -1 at end of input.
   */
  private long nextLineLength() throws IOException {
    if (skipLeadingLf) {
      if (!source.request(1)) {
        return -1;
      }
      if (buffered.getByte(0) == '\n') {
        buffered.skip(1);
      }
      skipLeadingLf = false;
    }
    long scanned = 0;
    while (true) {
      long end = buffered.indexOfElement(LINE_ENDS, scanned);
      if (end >= 0) {
        if (end > maxEventBytes) {
          throw tooLong("line");
        }
        return end;
      }
      scanned = buffered.size();
      if (scanned > maxEventBytes) {
        throw tooLong("line");
      }
      if (!source.request(scanned + 1)) {
        if (buffered.size() > 0) {
          endedMidLine = true;
          buffered.clear();
        }
        return -1;
      }
    }
  }

  /** Consumes a line's bytes (not its terminator); returns the event if the line dispatches one. */
  private SseEvent processLine(long length) throws IOException {
    if (length == 0) {
      return hasData ? dispatch() : resetEvent();
    }
    if (buffered.getByte(0) == ':') {
      buffered.skip(length);
      return null;
    }
    long colon = buffered.indexOf((byte) ':', 0, length);
    long nameLength = colon < 0 ? length : colon;
    long valueStart = colon < 0 ? length : colon + 1;
    if (valueStart < length && buffered.getByte(valueStart) == ' ') {
      valueStart++;
    }
    long valueLength = length - valueStart;
    if (isField(DATA, nameLength)) {
      buffered.skip(valueStart);
      appendData(valueLength);
    } else if (isField(EVENT, nameLength)) {
      buffered.skip(valueStart);
      eventType = buffered.readUtf8(valueLength);
    } else if (isField(ID, nameLength)) {
      buffered.skip(valueStart);
      String id = buffered.readUtf8(valueLength);
      if (id.indexOf('\0') < 0) {
        lastEventId = id;
      }
    } else if (isField(RETRY, nameLength)) {
      buffered.skip(valueStart);
      parseRetry(buffered.readUtf8(valueLength));
    } else {
      buffered.skip(length);
    }
    return null;
  }

  private boolean isField(ByteString name, long nameLength) {
    return nameLength == name.size() && buffered.rangeEquals(0, name);
  }

  private void appendData(long valueLength) throws SseFormatException {
    long newSize = data.size() + (hasData ? 1 : 0) + valueLength;
    if (newSize > maxEventBytes) {
      throw tooLong("event");
    }
    if (hasData) {
      data.writeByte('\n');
    }
    buffered.read(data, valueLength);
    hasData = true;
  }

  private void parseRetry(String value) {
    if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        retryMillis = Long.parseLong(value);
      } catch (NumberFormatException overflow) {
        // More digits than a long holds: as meaningless as a non-number, so ignored like one.
      }
    }
  }

  private SseEvent dispatch() {
    SseEvent event = new SseEvent(lastEventId, eventType, data.readUtf8());
    resetEvent();
    return event;
  }

  private SseEvent resetEvent() {
    data.clear();
    hasData = false;
    eventType = null;
    return null;
  }

  private SseFormatException tooLong(String what) {
    return new SseFormatException("event-stream " + what + " exceeds " + maxEventBytes + " bytes");
  }
}
