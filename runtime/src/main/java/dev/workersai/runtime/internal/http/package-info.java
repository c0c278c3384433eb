/**
 * The OkHttp side of the client: request building and one small interceptor per concern (retry, rate
 * limit, AI Gateway routing, authentication, per-call read timeout). Each interceptor acts only on
 * requests tagged with a {@link dev.workersai.runtime.internal.CallContext}. Not public API.
 */
package dev.workersai.runtime.internal.http;
