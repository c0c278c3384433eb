/**
 * The transport of the OpenAI-compatible endpoints ({@code /ai/v1/...}): request building, reading
 * plain OpenAI JSON or either error shape, their event streams, and reporting each call to the
 * client's {@link dev.workersai.runtime.observe.CallListener}, through the client's own OkHttp chain.
 * The typed API over it is {@link dev.workersai.runtime.openai}. Not public API.
 */
package dev.workersai.runtime.internal.openai;
