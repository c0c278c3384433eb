/**
 * Hooks for watching calls (tracing, metrics): a {@link dev.workersai.runtime.observe.CallListener}
 * passed to {@code WorkersAi.Builder.callListener(..)} hears of every call's start, its rate-limit
 * waits and retries, and its end. The runtime depends on no telemetry library; adapters such as
 * {@code workers-ai-opentelemetry} implement these interfaces.
 */
package dev.workersai.runtime.observe;
