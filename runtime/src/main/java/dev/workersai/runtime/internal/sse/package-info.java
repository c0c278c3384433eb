/**
 * Reading {@code /ai/run} event streams: the byte-level SSE reader and frame parser, the lazily read
 * {@link dev.workersai.runtime.ChunkStream} of normalized chunks (or one made from a whole JSON answer),
 * and the wrapper that tells a call's observer of each chunk and of the stream's end. Not public API.
 */
package dev.workersai.runtime.internal.sse;
