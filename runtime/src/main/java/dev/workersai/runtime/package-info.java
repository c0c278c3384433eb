/**
 * The Workers AI runtime: {@link dev.workersai.runtime.WorkersAi} (the client), the request and
 * response types generated model classes use ({@link dev.workersai.runtime.RequestPayload},
 * {@link dev.workersai.runtime.ModelResponse}, {@link dev.workersai.runtime.ChunkStream}, ...), the
 * per-call and client settings ({@link dev.workersai.runtime.CallOptions},
 * {@link dev.workersai.runtime.RetryPolicy}, {@link dev.workersai.runtime.GatewayOptions},
 * {@link dev.workersai.runtime.RateLimiter}) and the exception hierarchy rooted at
 * {@link dev.workersai.runtime.WorkersAiException}. Everything under {@code internal} is
 * implementation and may change without notice.
 */
package dev.workersai.runtime;
