/** The default client-side rate limiter: a token bucket per model. Not public API. */
package dev.workersai.runtime.internal.ratelimit;
