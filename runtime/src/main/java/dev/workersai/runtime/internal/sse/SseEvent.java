package dev.workersai.runtime.internal.sse;

/**
 * One dispatched server-sent event.
 *
 * @param id the last event id seen so far in the stream ({@code id:} field), or null when none
 * @param type the {@code event:} field of this event, or null when absent (the SSE default "message")
 * @param data the {@code data:} lines of this event joined with {@code \n}
 */
public record SseEvent(String id, String type, String data) {}
