/** The default client-side rate limiter: per model, a token bucket bounded by a 60-second sliding window. Not public API. */
package dev.workersai.runtime.internal.ratelimit;
