package dev.workersai.runtime.internal.ratelimit;

import java.util.Arrays;

/**
 * The permits of one model: a token bucket (burst {@code capacity}, refilled at the published rate)
 * whose grants are also counted in a sliding 60-second window capped at {@code windowLimit}.
 *
 * <p>Grants are handed out at non-decreasing times, so the state only ever moves forward along
 * them. The window counts grants per slot of {@value #SLOT_NANOS} ns in a ring, which keeps memory
 * fixed whatever the limit (a log of grant times would hold one entry per permit). A grant in slot
 * {@code s} is allowed only while slots {@code s - 600 .. s} (60 s plus the current slot) hold fewer
 * than {@code windowLimit}: any half-open 60-second span touches at most those 601 slots, so none
 * holds more than {@code windowLimit} grants. The cost is a window that is up to one slot (0.17%)
 * longer than needed.
 */
final class Budget {
  static final long WINDOW_NANOS = 60_000_000_000L;
  static final long SLOT_NANOS = 100_000_000L;
  /** Slots in a window; the ring holds one more, for the slot a grant falls in. */
  private static final int SLOTS = (int) (WINDOW_NANOS / SLOT_NANOS);

  private final double capacity;
  private final double tokensPerNano;
  private final long windowLimit;
  private final long[] counts = new long[SLOTS + 1];

  private double tokens;
  /** The time of the latest grant (or of creation): no grant is ever given before it. */
  private long last;
  /** The slot of the latest grant; {@link #counts} holds slots {@code latestSlot - SLOTS .. latestSlot}. */
  private long latestSlot;
  /** The sum of {@link #counts}. */
  private long inWindow;

  Budget(int capacity, int requestsPerMinute, long windowLimit, long now) {
    this.capacity = capacity;
    this.tokensPerNano = requestsPerMinute / (double) WINDOW_NANOS;
    this.windowLimit = windowLimit;
    this.tokens = capacity;
    this.last = now;
    this.latestSlot = slot(now);
  }

  /**
   * Takes the next grant at or after {@code now}; returns the nanoseconds until it, or -1 (taking
   * nothing) if that exceeds {@code maxWaitNanos}.
   */
  synchronized long reserve(long now, long maxWaitNanos) {
    long at = Math.max(now, last);
    double available = tokensAt(at);
    if (available < 1) {
      at += (long) Math.ceil((1 - available) / tokensPerNano);
    }
    at = firstTimeWithRoomInWindow(at); // later only: the bucket stays satisfied
    long wait = at - now;
    if (wait > maxWaitNanos) {
      return -1;
    }
    tokens = Math.max(0, tokensAt(at) - 1);
    last = at;
    count(slot(at));
    return wait;
  }

  private double tokensAt(long at) {
    return Math.min(capacity, tokens + (at - last) * tokensPerNano);
  }

  /** The earliest time at or after {@code at} whose slot and the {@value #SLOTS} before it hold room. */
  private long firstTimeWithRoomInWindow(long at) {
    long slot = slot(at);
    long oldest = latestSlot - SLOTS;
    long held = inWindow;
    // Slots that have left the window of `slot` no longer count.
    if (slot - SLOTS > latestSlot) {
      held = 0;
    } else {
      for (long s = oldest; s < slot - SLOTS; s++) {
        held -= counts[index(s)];
      }
    }
    if (held < windowLimit) {
      return at;
    }
    // Full: wait for the oldest grants to leave, one slot at a time (at most a window's worth of steps).
    while (held >= windowLimit) {
      slot++;
      long leaving = slot - SLOTS - 1;
      if (leaving >= oldest && leaving <= latestSlot) {
        held -= counts[index(leaving)];
      }
    }
    return Math.max(at, slot * SLOT_NANOS);
  }

  /** Records a grant in {@code slot}, first dropping the slots that its window no longer covers. */
  private void count(long slot) {
    if (slot - latestSlot > SLOTS) {
      Arrays.fill(counts, 0);
      inWindow = 0;
    } else {
      for (long s = latestSlot + 1; s <= slot; s++) {
        inWindow -= counts[index(s)]; // the ring position of slot s held slot s - SLOTS - 1
        counts[index(s)] = 0;
      }
    }
    latestSlot = Math.max(latestSlot, slot);
    counts[index(slot)]++;
    inWindow++;
  }

  private static long slot(long nanos) {
    return Math.floorDiv(nanos, SLOT_NANOS);
  }

  private static int index(long slot) {
    return (int) Math.floorMod(slot, (long) (SLOTS + 1));
  }
}
